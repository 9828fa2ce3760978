using System.Text.Json;
using System.Text.Json.Serialization;

namespace Annotate.Web.Realtime;

/// <summary>
/// JSON written once and copied into each hub message as it is: SignalR's JSON protocol serialises
/// arguments with System.Text.Json, which then writes these bytes instead of walking an object again.
/// </summary>
[JsonConverter(typeof(Converter))]
internal sealed record PreparedJson(byte[] Utf8)
{
    private sealed class Converter : JsonConverter<PreparedJson>
    {
        public override PreparedJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Prepared JSON is only written.");

        public override void Write(Utf8JsonWriter writer, PreparedJson value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.Utf8, skipInputValidation: true);
    }
}
