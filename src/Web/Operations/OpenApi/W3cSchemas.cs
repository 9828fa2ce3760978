using System.Text.Json.Nodes;
using Annotate.Shared;
using Microsoft.OpenApi;

namespace Annotate.Web.Operations.OpenApi;

/// <summary>
/// The W3C Web Annotation JSON-LD shapes the annotation endpoints read and write, as OpenAPI schemas. The
/// handlers read and write JSON themselves (the JSON-LD terms are not C# names), so the framework cannot
/// infer these; they follow what AnnotationJsonWriter writes and the tests' annotation.schema.json checks.
/// </summary>
internal static class W3cSchemas
{
    public const string Annotation = "Annotation";
    public const string AnnotationCollection = "AnnotationCollection";

    public static void AddTo(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[Annotation] = AnnotationSchema();
        document.Components.Schemas[AnnotationCollection] = CollectionSchema(document);
    }

    private static OpenApiSchema AnnotationSchema() => Object(
        "A Web Annotation (W3C Recommendation, 23 February 2017). Send @context, type, motivation, body and " +
        "target; the server sets id, created, modified and creator. A reply's target is the IRI of the annotation it answers.",
        ["@context", "type", "target"],
        ("@context", Text("The Web Annotation context.", "http://www.w3.org/ns/anno.jsonld")),
        ("id", Iri("The annotation's IRI (answers only).")),
        ("type", Text("Always Annotation.", "Annotation")),
        ("motivation", Text("commenting, highlighting or replying.", "commenting", "highlighting", "replying")),
        ("visibility", Text("Who may see it (an extension of the model; see docs/api.md).", Enum.GetValues<Visibility>().Select(v => v.ToName()).ToArray())),
        ("addressee", Iri("Teacher feedback: the one student it is for (extension).")),
        ("exemplary", new OpenApiSchema { Type = JsonSchemaType.Boolean, Description = "A teacher marked it exemplary (extension; answers only)." }),
        ("resolved", new OpenApiSchema { Type = JsonSchemaType.Boolean, Description = "A teacher marked the thread resolved (extension; answers only, not on replies)." }),
        ("attributedTo", Text("Imported annotations: who wrote it in the source (extension).")),
        ("created", DateTime("When it was made (answers only).")),
        ("modified", DateTime("When it was last changed (answers only).")),
        ("creator", Object("The author, a W3C Agent.", ["id", "type"], ("id", Iri("The author's IRI.")), ("type", Text("Person.", "Person")), ("name", Text("The display name.")))),
        ("body", new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            Description = "Comment (purpose commenting, Markdown) and tags (purpose tagging).",
            Items = Object("A TextualBody.", ["type", "value"],
                ("type", Text("TextualBody.", "TextualBody")), ("value", Text("The text.")),
                ("format", Text("text/markdown for comments.")), ("purpose", Text("commenting or tagging.", "commenting", "tagging"))),
        }),
        ("target", new OpenApiSchema
        {
            Description = "The passage: a SpecificResource on the document with a TextQuoteSelector and a TextPositionSelector " +
                "(positions in Unicode code points); or, for a reply, the IRI of the annotation it answers.",
            OneOf =
            [
                Iri("The annotation a reply answers."),
                Object("A SpecificResource.", ["source", "selector"],
                    ("source", Iri("The document's IRI.")),
                    ("selector", new OpenApiSchema
                    {
                        Type = JsonSchemaType.Array,
                        Items = new OpenApiSchema
                        {
                            OneOf =
                            [
                                Object("TextQuoteSelector: the quoted words and what surrounds them.", ["type", "exact"],
                                    ("type", Text("TextQuoteSelector.", "TextQuoteSelector")), ("exact", Text("The quote.")),
                                    ("prefix", Text("Text just before.")), ("suffix", Text("Text just after."))),
                                Object("TextPositionSelector: where the quote starts and ends.", ["type", "start", "end"],
                                    ("type", Text("TextPositionSelector.", "TextPositionSelector")),
                                    ("start", Integer("Start, in code points.")), ("end", Integer("End (exclusive), in code points."))),
                            ],
                        },
                    })),
            ],
        }));

    private static OpenApiSchema CollectionSchema(OpenApiDocument document) => Object(
        "An AnnotationCollection (section 5) whose first AnnotationPage embeds the annotations the caller may see.",
        ["@context", "id", "type", "first"],
        ("@context", Text("The Web Annotation context.", "http://www.w3.org/ns/anno.jsonld")),
        ("id", Iri("The collection's IRI.")),
        ("type", Text("AnnotationCollection.", "AnnotationCollection")),
        ("label", Text("What the collection is.")),
        ("total", Integer("How many annotations.")),
        ("first", Object("An AnnotationPage.", ["id", "type", "items"],
            ("id", Iri("The page's IRI.")), ("type", Text("AnnotationPage.", "AnnotationPage")),
            ("items", new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchemaReference(Annotation, document) }))));

    private static OpenApiSchema Object(string description, string[] required, params (string Name, IOpenApiSchema Schema)[] properties) => new()
    {
        Type = JsonSchemaType.Object,
        Description = description,
        Required = new HashSet<string>(required),
        Properties = properties.ToDictionary(p => p.Name, p => p.Schema),
    };

    private static OpenApiSchema Text(string description, params string[] values) => new()
    {
        Type = JsonSchemaType.String,
        Description = description,
        Enum = values.Length == 0 ? null : values.Select(v => (JsonNode)JsonValue.Create(v)).ToList(),
    };

    private static OpenApiSchema Iri(string description) => new() { Type = JsonSchemaType.String, Format = "uri", Description = description };

    private static OpenApiSchema DateTime(string description) => new() { Type = JsonSchemaType.String, Format = "date-time", Description = description };

    private static OpenApiSchema Integer(string description) => new() { Type = JsonSchemaType.Integer, Minimum = "0", Description = description };
}
