global using ECommerce.Domain.Common;
global using ECommerce.Domain.Persistence;
global using Microsoft.EntityFrameworkCore;
