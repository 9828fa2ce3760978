using System.Text.Json;
using System.Text.Json.Nodes;

namespace Annotate.Web.Tests.Infrastructure;

public static class JsonAssert
{
    /// <summary>Same JSON values, member order aside; the message shows both.</summary>
    public static void Equal(string expected, JsonElement actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual.GetRawText())),
            $"Expected {JsonNode.Parse(expected)!.ToJsonString()}{Environment.NewLine}but got {actual.GetRawText()}");

    public static void Equal(JsonElement expected, JsonElement actual) => Equal(expected.GetRawText(), actual);
}
