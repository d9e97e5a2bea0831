using System.Text.Json;

namespace ECommerce.ApiLoad.Http;

/// <summary>What the app answered: the status (0 when the request never got an answer) and the body.</summary>
internal sealed record Reply(int Status, byte[] Body)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Body);

    /// <summary>The body as JSON; deserialised rather than parsed, so no pooled document is left undisposed.</summary>
    public JsonElement Json => JsonSerializer.Deserialize<JsonElement>(Body);

    public long Long(string property) => Json.GetProperty(property).GetInt64();

    public string String(string property) => Json.GetProperty(property).GetString() ?? "";
}
