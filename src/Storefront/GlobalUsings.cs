global using ECommerce.Domain.Common;
global using Microsoft.EntityFrameworkCore;
