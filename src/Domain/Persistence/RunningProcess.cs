namespace ECommerce.Domain.Persistence;

/// <summary>Whether a process id names a running process on this machine (for <see cref="WriteTurns"/>).</summary>
internal static class RunningProcess
{
    public static bool Exists(int processId)
    {
        if (processId <= 0)
        {
            return false;
        }

        if (processId == Environment.ProcessId)
        {
            return true;
        }

        if (OperatingSystem.IsLinux())
        {
            // /proc/<pid>/stat: "pid (name) S ..."; a killed process its parent has not reaped yet is a zombie (Z),
            // and it holds nothing any more.
            try
            {
                var stat = File.ReadAllText($"/proc/{processId}/stat");
                var state = stat.AsSpan(stat.LastIndexOf(')') + 1).TrimStart();
                return state.Length > 0 && state[0] is not ('Z' or 'X');
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
