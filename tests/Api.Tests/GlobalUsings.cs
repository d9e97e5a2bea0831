global using System.Net;
global using System.Net.Http.Json;
global using System.Text.Json;
global using ECommerce.Api.Tests.Support;
global using Xunit;
