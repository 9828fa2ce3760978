namespace Annotate.Shared;

public enum SeminarRole { Student, Teacher }
