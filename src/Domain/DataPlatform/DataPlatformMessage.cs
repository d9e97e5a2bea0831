using System.Buffers;
using System.Text;
using System.Text.Json;

namespace ECommerce.Domain.DataPlatform;

/// <summary>One message as the data platform receives it; <see cref="Payload"/> is a JSON document.</summary>
public sealed record DataPlatformMessage(string IdempotencyKey, string Type, DateTime CreatedAt, string Payload)
{
    /// <summary>{"idempotencyKey", "type", "createdAt", "payload"} on one line.</summary>
    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>();
        WriteTo(buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The same line as <see cref="ToJson"/>, written as UTF-8 straight into <paramref name="buffer"/>.</summary>
    public void WriteTo(IBufferWriter<byte> buffer)
    {
        using var json = new Utf8JsonWriter(buffer);
        json.WriteStartObject();
        json.WriteString("idempotencyKey", IdempotencyKey);
        json.WriteString("type", Type);
        json.WriteString("createdAt", CreatedAt);
        json.WritePropertyName("payload");
        json.WriteRawValue(Payload);
        json.WriteEndObject();
    }
}
