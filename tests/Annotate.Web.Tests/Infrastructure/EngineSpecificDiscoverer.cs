using Xunit.Abstractions;
using Xunit.Sdk;

namespace Annotate.Web.Tests.Infrastructure;

/// <summary>What xunit reads <see cref="EngineSpecificAttribute"/> as: the trait <c>Engine=Specific</c>.</summary>
public sealed class EngineSpecificDiscoverer : ITraitDiscoverer
{
    public IEnumerable<KeyValuePair<string, string>> GetTraits(IAttributeInfo traitAttribute) =>
        [new(EngineSpecificAttribute.Trait, EngineSpecificAttribute.Value)];
}
