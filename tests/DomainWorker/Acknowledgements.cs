namespace ECommerce.DomainWorker;

/// <summary>
/// One stdout line per operation the domain acknowledged, written the moment it returns: the test reads them as
/// they come, so what a killed worker acknowledged is known outside it.
/// </summary>
internal static class Acknowledgements
{
    private static readonly Lock Gate = new();

    public static void Write(string line)
    {
        lock (Gate)
        {
            Console.Out.WriteLine(line);
            Console.Out.Flush();
        }
    }
}
