using System.Text.Json;
using System.Text.Json.Serialization;

namespace ECommerce.Storefront.Api;

/// <summary>
/// The shop keeps every time in UTC, but SQLite hands them back without a kind; written as they come they would
/// lack the "Z" and a client would read them as its local time.
/// </summary>
public sealed class UtcDateTimeConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ApiResults.AsUtc(reader.GetDateTime())!.Value;

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value.ToUniversalTime());
}
