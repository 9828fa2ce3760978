using Microsoft.AspNetCore.Identity;

namespace Annotate.Data.Entities;

/// <summary>An account. The display name is what other readers see beside annotations.</summary>
public class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
}
