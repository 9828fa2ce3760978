using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text;
using Annotate.Web.Features.Documents.Import;
using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests.Security;

/// <summary>
/// A .docx is a zip, and a small one can unpack to gigabytes: it is refused quickly, with a sentence,
/// having unpacked no more than a bounded amount. The files are built here, streamed through the
/// compressor, never committed.
/// </summary>
public sealed class ZipBombTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    private const long Gigabyte = 1024L * 1024 * 1024;
    private static readonly TimeSpan Quickly = TimeSpan.FromSeconds(5);
    private const long BoundedBytes = 64L * 1024 * 1024;

    public static TheoryData<string> Bombs => ["a gigabyte of one letter", "90 MB of paragraphs", "a gigabyte that says it is 1 KB"];

    [Theory]
    [MemberData(nameof(Bombs))]
    public void A_docx_that_unpacks_far_beyond_the_limit_is_refused_quickly_with_bounded_memory(string bomb)
    {
        var docx = Build(bomb);
        Assert.True(docx.Length < DocumentImporter.MaxFileBytes, $"{bomb}: {docx.Length} bytes, more than an upload may have.");

        // Read on this thread, so what it allocates is counted alone, whatever other tests do meanwhile.
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var refusal = Assert.Throws<UnreadableFileException>(() => WordFile.Read(docx));
        clock.Stop();
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        Assert.Contains(refusal.Message, new[] { WordFile.TooBigUnpacked, "This file could not be read as a Word document (.docx); it may be damaged or of another kind. Save it again as .docx and try once more." });
        Assert.True(clock.Elapsed < Quickly, $"{bomb}: refused after {clock.Elapsed.TotalSeconds:0.0} s.");
        Assert.True(allocated < BoundedBytes, $"{bomb}: {allocated / (1024 * 1024)} MB allocated while refusing it.");
    }

    [Fact]
    public async Task Uploading_a_zip_bomb_answers_400_with_a_sentence_and_adds_nothing()
    {
        var teacher = await app.RegisterAsync("teacher");
        var (seminarId, _) = await app.CreateSeminarAsync(teacher);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Build("90 MB of paragraphs")), "file", "manifesto.docx" } };

        var response = await teacher.Http.PostAsync($"/api/seminars/{seminarId}/documents", form);

        Assert.Equal(WordFile.TooBigUnpacked, await response.ProblemDetailAsync(HttpStatusCode.BadRequest));
        Assert.Equal(0, await app.Database.CountAsync("SELECT COUNT(*) FROM Documents WHERE SeminarId = $id", ("$id", seminarId)));
    }

    [Fact]
    public void A_real_document_with_pictures_is_still_read()
    {
        // Pictures compress hardly at all and are never unpacked: only the XML counts against the limit.
        var docx = Package(zip =>
        {
            Document(zip, body => body.Write("<w:p><w:r><w:t>Workers of the world, unite.</w:t></w:r></w:p>"u8));
            using var picture = zip.CreateEntry("word/media/image1.png", CompressionLevel.NoCompression).Open();
            picture.Write(RandomNumberGenerator(6 * 1024 * 1024));
        });

        Assert.Equal("Workers of the world, unite.", WordFile.Read(docx));
    }

    private static byte[] Build(string bomb) => bomb switch
    {
        // One letter repeated compresses about a thousand to one: a megabyte that unpacks to a gigabyte.
        "a gigabyte of one letter" => Package(zip => Document(zip, body => Repeat(body, "<w:p><w:r><w:t>"u8, "a"u8, Gigabyte, "</w:t></w:r></w:p>"u8))),
        // Ordinary paragraphs, under the old 100 MB-a-part limit: a 550 KB file that took 20 s and 900 MB to read.
        "90 MB of paragraphs" => Package(zip => Document(zip, body =>
            Repeat(body, ""u8, "<w:p><w:r><w:t>Workers of the world, unite.</w:t></w:r></w:p>"u8, 90L * 1024 * 1024, ""u8))),
        "a gigabyte that says it is 1 KB" => DeclareSize(Build("a gigabyte of one letter"), "word/document.xml", 1024),
        _ => throw new ArgumentOutOfRangeException(nameof(bomb)),
    };

    private static byte[] Package(Action<ZipArchive> write)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Text(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
            Text(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""");
            write(zip);
        }
        return stream.ToArray();
    }

    /// <summary>word/document.xml, its body written by <paramref name="body"/> straight into the compressor.</summary>
    private static void Document(ZipArchive zip, Action<Stream> body)
    {
        using var stream = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
        stream.Write("""<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"""u8);
        body(stream);
        stream.Write("</w:body></w:document>"u8);
    }

    private static void Repeat(Stream stream, ReadOnlySpan<byte> before, ReadOnlySpan<byte> unit, long size, ReadOnlySpan<byte> after)
    {
        stream.Write(before);
        var block = new byte[unit.Length * (65_536 / unit.Length + 1)];
        for (var i = 0; i < block.Length; i += unit.Length) unit.CopyTo(block.AsSpan(i));
        for (long written = 0; written < size; written += block.Length) stream.Write(block);
        stream.Write(after);
    }

    private static void Text(ZipArchive zip, string name, string content)
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(Encoding.UTF8.GetBytes(content));
    }

    /// <summary>Rewrites the entry's uncompressed size in its local header and in the central directory.</summary>
    private static byte[] DeclareSize(byte[] zip, string name, uint size)
    {
        var entryName = Encoding.ASCII.GetBytes(name);
        for (var i = 0; i < zip.Length - 46; i++)
        {
            var signature = BitConverter.ToUInt32(zip, i);
            if (signature == 0x04034b50 && zip.AsSpan(i + 30, entryName.Length).SequenceEqual(entryName)) BitConverter.TryWriteBytes(zip.AsSpan(i + 22), size);
            if (signature == 0x02014b50 && zip.AsSpan(i + 46, entryName.Length).SequenceEqual(entryName)) BitConverter.TryWriteBytes(zip.AsSpan(i + 24), size);
        }
        return zip;
    }

    private static byte[] RandomNumberGenerator(int length) => System.Security.Cryptography.RandomNumberGenerator.GetBytes(length);
}
