namespace ECommerce.Api.Tests.Support;

public static class Problems
{
    /// <summary>
    /// Asserts the answer is problem details with the original design's fields, this status and this code, and
    /// returns its body for further checks.
    /// </summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("message").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("error").GetString()));
        Assert.Equal(response.RequestMessage!.RequestUri!.AbsolutePath, problem.GetProperty("path").GetString());
        Assert.True(problem.GetProperty("timestamp").TryGetDateTimeOffset(out _));
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal); // no stack trace
        return problem;
    }
}
