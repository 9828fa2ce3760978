using System.Security.Cryptography;
using Annotate.Data;
using Annotate.Data.Entities;
using Annotate.Shared;
using Annotate.Web.Features.Documents;
using Microsoft.EntityFrameworkCore;
using static Annotate.Web.Features.Seminars.MembershipService;
using Annotate.Web.Resources;

namespace Annotate.Web.Features.Seminars;

/// <summary>
/// Creating seminars and getting into them: joining by code, what the join page may show first, and the
/// teachers' control of the way in (a new code, joining open or closed). The API and the pages both call this.
/// </summary>
internal sealed class SeminarService(IDbContextFactory<AnnotateDb> dbFactory, ReaderAccess access, TimeProvider clock)
{
    public sealed record SeminarSummary(int Id, string Name, string JoinCode, SeminarRole Role, bool JoiningOpen);

    /// <summary>Whether the caller could join now, and if not, why.</summary>
    public enum JoinStanding { CanJoin, AlreadyMember, Removed, Closed }

    /// <summary>
    /// All the join page shows before anyone presses Join: whoever holds the code may learn the seminar's
    /// name and who teaches it, so they know what they are joining; nothing about its members or documents.
    /// </summary>
    public sealed record JoinPreview(int SeminarId, string Name, List<string> Teachers, JoinStanding Standing);

    // Problem sentences in the current request's or circuit's language (Words): the API's problem+json and pages alike.
    public static string UnknownCode => Words.Text("Problem.UnknownCode");
    public static string RemovedMessage => Words.Text("Problem.Removed");
    public static string ClosedMessage => Words.Text("Problem.Closed");

    public async Task<Seminar> CreateAsync(string teacherId, string name)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = clock.GetUtcNow();
        var seminar = new Seminar { Name = name.Trim(), JoinCode = await UnusedJoinCodeAsync(db), CreatedAt = now };
        seminar.Members.Add(new Membership { UserId = teacherId, Role = SeminarRole.Teacher, JoinedAt = now });
        db.Seminars.Add(seminar);
        await db.SaveChangesAsync();
        return seminar;
    }

    /// <summary>
    /// Joins as a student. A removed account or a closed seminar is refused and nothing changes; joining a
    /// seminar one already belongs to keeps the current role. The only way in by code: the API's join and
    /// the join page's form both come here.
    /// </summary>
    public async Task<ServiceResult<SeminarSummary>> JoinAsync(string userId, string joinCode)
    {
        var code = NormaliseJoinCode(joinCode);
        if (code.Length == 0) return ServiceProblem.NotFound(UnknownCode);
        await using var db = await dbFactory.CreateDbContextAsync();
        // Check and write in one write transaction (WriteTransactions): a removal, a new code or closing
        // that commits first is seen here; one that commits after finds the membership this adds.
        await using var transaction = await db.Database.BeginWriteTransactionAsync();
        var seminar = await db.Seminars.FirstOrDefaultAsync(s => s.JoinCode == code);
        if (seminar is null) return ServiceProblem.NotFound(UnknownCode);
        var standing = await StandingAsync(db, seminar, userId);
        if (Refusal(standing) is { } refusal) return ServiceProblem.Forbidden(refusal);

        var membership = await db.Memberships.FindAsync(seminar.Id, userId);
        if (membership is null)
        {
            membership = new Membership { SeminarId = seminar.Id, UserId = userId, Role = SeminarRole.Student, JoinedAt = clock.GetUtcNow() };
            db.Memberships.Add(membership);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        return new SeminarSummary(seminar.Id, seminar.Name, seminar.JoinCode, membership.Role, seminar.JoiningOpen);
    }

    /// <summary>What the join page shows for a code, read only: null when no seminar has it.</summary>
    public async Task<JoinPreview?> PreviewJoinAsync(string userId, string joinCode)
    {
        var code = NormaliseJoinCode(joinCode);
        if (code.Length == 0) return null;
        await using var db = await dbFactory.CreateDbContextAsync();
        var seminar = await db.Seminars.AsNoTracking().FirstOrDefaultAsync(s => s.JoinCode == code);
        if (seminar is null) return null;
        var teachers = await db.Memberships.Where(m => m.SeminarId == seminar.Id && m.Role == SeminarRole.Teacher)
            .Select(m => m.User!.DisplayName).ToListAsync();
        teachers.Sort(StringComparer.CurrentCultureIgnoreCase);
        return new JoinPreview(seminar.Id, seminar.Name, teachers, await StandingAsync(db, seminar, userId));
    }

    /// <summary>The sentence that says why a standing cannot join, or null when it can (or already has).</summary>
    public static string? Refusal(JoinStanding standing) => standing switch
    {
        JoinStanding.Removed => RemovedMessage,
        JoinStanding.Closed => ClosedMessage,
        _ => null,
    };

    /// <summary>A new join code for the seminar; the old one admits no one from the moment this commits.</summary>
    public async Task<ServiceResult<string>> RegenerateJoinCodeAsync(string userId, int seminarId)
    {
        if (await TeacherCheckAsync(access, userId, seminarId, "Problem.TeachersOnlyJoinCode") is { } denied) return denied;
        await using var db = await dbFactory.CreateDbContextAsync();
        var seminar = await db.Seminars.FindAsync(seminarId);
        if (seminar is null) return ServiceProblem.NotFound(ReaderAccess.NoSuchSeminar);
        seminar.JoinCode = await UnusedJoinCodeAsync(db);
        await db.SaveChangesAsync();
        return seminar.JoinCode;
    }

    /// <summary>Opens or closes joining by code; members stay either way.</summary>
    public async Task<ServiceResult> SetJoiningAsync(string userId, int seminarId, bool open)
    {
        if (await TeacherCheckAsync(access, userId, seminarId, "Problem.TeachersOnlyJoining") is { } denied) return denied;
        await using var db = await dbFactory.CreateDbContextAsync();
        var changed = await db.Seminars.Where(s => s.Id == seminarId).ExecuteUpdateAsync(set => set.SetProperty(s => s.JoiningOpen, open));
        return changed == 0 ? ServiceProblem.NotFound(ReaderAccess.NoSuchSeminar) : ServiceResult.Done;
    }

    public async Task<List<SeminarSummary>> ListForUserAsync(string userId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Memberships.Where(m => m.UserId == userId)
            .OrderBy(m => m.Seminar!.Name)
            .Select(m => new SeminarSummary(m.SeminarId, m.Seminar!.Name, m.Seminar.JoinCode, m.Role, m.Seminar.JoiningOpen))
            .ToListAsync();
    }

    // A member first: being in the seminar is what matters to them. A removal row never sits beside a
    // membership (removing deletes the one and writes the other; joining refuses while the row is there).
    private static async Task<JoinStanding> StandingAsync(AnnotateDb db, Seminar seminar, string userId)
    {
        if (await db.Memberships.AnyAsync(m => m.SeminarId == seminar.Id && m.UserId == userId)) return JoinStanding.AlreadyMember;
        if (await db.SeminarRemovals.AnyAsync(r => r.SeminarId == seminar.Id && r.UserId == userId)) return JoinStanding.Removed;
        return seminar.JoiningOpen ? JoinStanding.CanJoin : JoinStanding.Closed;
    }

    // 31^8 codes make a clash unlikely, not impossible; the unique index would turn one into an error.
    private static async Task<string> UnusedJoinCodeAsync(AnnotateDb db)
    {
        string code;
        do code = NewJoinCode(); while (await db.Seminars.AnyAsync(s => s.JoinCode == code));
        return code;
    }

    // No 0/O or 1/I/L: codes are read aloud in class and typed from a projector.
    private const string JoinCodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    internal static string NewJoinCode() => RandomNumberGenerator.GetString(JoinCodeAlphabet, 8);

    internal static string NormaliseJoinCode(string code) =>
        new(code.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
}
