using System.Text;
using Bunit;
using Microsoft.JSInterop;

namespace Annotate.Web.Tests.Components;

/// <summary>
/// What the browser holds in a document text field (DocumentTextField), handed to .NET as the stream the
/// field reads it through. <see cref="Text"/> is what the person typed or pasted.
/// </summary>
public sealed class BrowserText : IJSStreamReference
{
    private string text = "";
    private JSRuntimeInvocationHandler<int>? length;

    public string Text
    {
        get => text;
        set
        {
            text = value;
            length?.SetResult(value.Length);
        }
    }

    public long Length => Encoding.UTF8.GetByteCount(Text);

    /// <summary>Answers the field's module in <paramref name="context"/> with this text.</summary>
    public static BrowserText In(BunitContext context)
    {
        var module = context.JSInterop.SetupModule("./Components/Documents/DocumentTextField.razor.js");
        var browser = new BrowserText { length = module.Setup<int>("length", _ => true) };
        browser.length.SetResult(0);
        module.Setup<IJSStreamReference>("read", _ => true).SetResult(browser);
        return browser;
    }

    public ValueTask<Stream> OpenReadStreamAsync(long maxAllowedSize = 512000, CancellationToken cancellationToken = default)
    {
        // As Blazor's own stream reference: a stream longer than allowed is refused before a byte is read.
        if (Length > maxAllowedSize) throw new ArgumentOutOfRangeException(nameof(maxAllowedSize), $"The stream has {Length} bytes; {maxAllowedSize} are allowed.");
        return ValueTask.FromResult<Stream>(new MemoryStream(Encoding.UTF8.GetBytes(Text)));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
