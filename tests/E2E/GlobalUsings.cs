global using ECommerce.E2E.Support;
global using Microsoft.Playwright;
global using Xunit;
