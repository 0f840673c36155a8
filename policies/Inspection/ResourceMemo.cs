using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Infra.Synthesis;

namespace Infra.Policies.Inspection;

/// <summary>
/// A fact about one resource that several rules read (its effective tags, its decoded user-data), computed
/// once per resource. A fact depends only on the resource (its properties and options are fixed when it is
/// created), so it never goes stale, even when resources are added later. The answers are kept with the
/// resource's program and go when it does; they are safe to read from several threads.
/// </summary>
public sealed class ResourceMemo<T>(Func<Resource, T> compute)
{
    private readonly ConditionalWeakTable<Blueprint, ConcurrentDictionary<Resource, T>> byProgram = new();

    public T Get(Resource resource) =>
        byProgram.GetValue(resource.Scope.Blueprint, static _ => new ConcurrentDictionary<Resource, T>(ReferenceEqualityComparer.Instance))
            .GetOrAdd(resource, compute);
}
