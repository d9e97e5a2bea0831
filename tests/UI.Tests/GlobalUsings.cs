global using AngleSharp.Dom;
global using ECommerce.Domain.Catalog;
global using ECommerce.Domain.Common;
global using ECommerce.UI.Tests.Support;
global using Xunit;
global using Microsoft.Extensions.DependencyInjection;
