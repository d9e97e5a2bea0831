global using System.Diagnostics;
global using System.Globalization;
global using ECommerce.ApiLoad.Setup;
global using Microsoft.Data.Sqlite;
