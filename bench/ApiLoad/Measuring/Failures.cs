using ECommerce.ApiLoad.Http;

namespace ECommerce.ApiLoad.Measuring;

/// <summary>Answers a scenario did not expect; the first few are shown on stderr so a failure explains itself.</summary>
internal sealed class Failures(string scenario)
{
    private int _count;

    public int Count => _count;

    /// <summary>Counts <paramref name="reply"/> as a failure unless its status is one of <paramref name="expected"/>.</summary>
    public bool Check(Reply reply, string step, params int[] expected)
    {
        if (expected.Contains(reply.Status))
        {
            return true;
        }

        if (Interlocked.Increment(ref _count) <= 5)
        {
            var body = reply.Text;
            Console.Error.WriteLine($"{scenario}: {step} answered {reply.Status}: {body[..Math.Min(body.Length, 300)]}");
        }

        return false;
    }
}
