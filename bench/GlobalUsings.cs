global using ECommerce.Domain;
global using ECommerce.Domain.Catalog;
global using ECommerce.Domain.Common;
global using ECommerce.Domain.Coupons;
global using ECommerce.Domain.Orders;
global using ECommerce.Domain.Persistence;
global using ECommerce.Domain.Wallets;
global using Microsoft.EntityFrameworkCore;
