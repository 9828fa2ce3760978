using System.Security.Cryptography;
using Annotate.Data;
using Annotate.Data.Entities;
using Annotate.Shared;
using Microsoft.EntityFrameworkCore;

namespace Annotate.Web.Features.Seminars;

/// <summary>Creating and joining seminars; the API and the pages both call this.</summary>
internal sealed class SeminarService(IDbContextFactory<AnnotateDb> dbFactory, TimeProvider clock)
{
    public sealed record SeminarSummary(int Id, string Name, string JoinCode, SeminarRole Role);

    public async Task<Seminar> CreateAsync(string teacherId, string name)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = clock.GetUtcNow();
        var seminar = new Seminar { Name = name.Trim(), JoinCode = NewJoinCode(), CreatedAt = now };
        seminar.Members.Add(new Membership { UserId = teacherId, Role = SeminarRole.Teacher, JoinedAt = now });
        db.Seminars.Add(seminar);
        await db.SaveChangesAsync();
        return seminar;
    }

    /// <summary>Joins as a student; joining a seminar one already belongs to keeps the current role.</summary>
    public async Task<SeminarSummary?> JoinAsync(string userId, string joinCode)
    {
        var code = NormaliseJoinCode(joinCode);
        await using var db = await dbFactory.CreateDbContextAsync();
        var seminar = await db.Seminars.FirstOrDefaultAsync(s => s.JoinCode == code);
        if (seminar is null) return null;
        var membership = await db.Memberships.FindAsync(seminar.Id, userId);
        if (membership is null)
        {
            membership = new Membership { SeminarId = seminar.Id, UserId = userId, Role = SeminarRole.Student, JoinedAt = clock.GetUtcNow() };
            db.Memberships.Add(membership);
            await db.SaveChangesAsync();
        }
        return new SeminarSummary(seminar.Id, seminar.Name, seminar.JoinCode, membership.Role);
    }

    public async Task<List<SeminarSummary>> ListForUserAsync(string userId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Memberships.Where(m => m.UserId == userId)
            .OrderBy(m => m.Seminar!.Name)
            .Select(m => new SeminarSummary(m.SeminarId, m.Seminar!.Name, m.Seminar.JoinCode, m.Role))
            .ToListAsync();
    }

    // No 0/O or 1/I/L: codes are read aloud in class and typed from a projector.
    private const string JoinCodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    internal static string NewJoinCode() => RandomNumberGenerator.GetString(JoinCodeAlphabet, 8);

    internal static string NormaliseJoinCode(string code) =>
        new(code.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
}
