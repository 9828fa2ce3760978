using System.Data.Common;
using Annotate.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Annotation = Annotate.Data.Entities.Annotation;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace Annotate.Web.Features.Annotations;

/// <summary>
/// Inserts many new annotations with one prepared INSERT, run once per row in the caller's transaction.
/// At import sizes EF's change tracking costs far more than the rows (10,000 rows: seconds in
/// SaveChanges, a fraction of a second here). The columns, their names and how each value is written
/// (visibility as its name, times as sortable numbers) come from the EF model, so the rows are exactly
/// what SaveChanges would store, also after a column is added.
/// </summary>
internal static class AnnotationBulkInsert
{
    // SQLite's extended result codes for a row that breaks a foreign key, a unique index or the primary key.
    private const int ForeignKeyViolation = 787, UniqueViolation = 2067, PrimaryKeyViolation = 1555;

    private sealed record Column(IClrPropertyGetter Getter, DbParameter Parameter, ValueConverter? Converter)
    {
        public void Bind(Annotation annotation) =>
            Parameter.Value = Getter.GetClrValueUsingContainingEntity(annotation) is { } value ? Converter?.ConvertToProvider(value) ?? value : DBNull.Value;
    }

    /// <summary>Inserts the rows in order (parents before their replies) inside <paramref name="db"/>'s current transaction.</summary>
    /// <exception cref="DbUpdateException">A row breaks a foreign key or a unique index: the annotations changed meanwhile.</exception>
    public static async Task InsertAsync(AnnotateDb db, IReadOnlyList<Annotation> annotations, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Bulk inserts run inside a transaction, so that a failure stores nothing.");
        var entity = db.Model.FindEntityType(typeof(Annotation))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();

        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        var columns = new List<Column>();
        var names = new List<string>();
        foreach (var property in entity.GetProperties())
        {
            if (property.GetColumnName(table) is not { } name) continue;
            var mapping = (RelationalTypeMapping)property.GetTypeMapping();
            var parameter = mapping.CreateParameter(command, $"p{columns.Count}", null, property.IsNullable);
            command.Parameters.Add(parameter);
            columns.Add(new Column(property.GetGetter(), parameter, mapping.Converter));
            names.Add(sql.DelimitIdentifier(name));
        }
        command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", names)}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => sql.GenerateParameterName($"p{i}")))})";
        await command.PrepareAsync(cancellationToken);

        try
        {
            foreach (var annotation in annotations)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var column in columns) column.Bind(annotation);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        catch (DbException exception) when (IsConflict(exception))
        {
            throw new DbUpdateException("An imported annotation conflicts with what is stored now.", exception);
        }
    }

    private static bool IsConflict(DbException exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is ForeignKeyViolation or UniqueViolation or PrimaryKeyViolation,
        PostgresException postgres => postgres.SqlState is PostgresErrorCodes.ForeignKeyViolation or PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
