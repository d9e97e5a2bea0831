namespace ECommerce.Domain.Tests.MultiProcess;

/// <summary>The multi-process tests run one at a time: each already keeps both cores busy with its own processes.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessCollection
{
    public const string Name = "Several processes";
}
