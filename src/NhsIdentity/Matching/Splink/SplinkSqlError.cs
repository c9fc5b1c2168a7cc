namespace NhsIdentity.Matching.Splink;

/// <summary>Why a Splink model, or one of its level conditions, could not be loaded or evaluated
/// (<see cref="SplinkSqlException.Error"/>).</summary>
public enum SplinkSqlError
{
    /// <summary>The condition is not SQL this library can read (a stray token, an unclosed string or bracket).</summary>
    Syntax = 0,

    /// <summary>The condition calls a function outside the supported subset (see <see cref="SplinkModel"/>).</summary>
    UnsupportedFunction = 1,

    /// <summary>The condition uses SQL outside the supported subset (LIKE, subqueries, lambdas, window functions...).</summary>
    UnsupportedConstruct = 2,

    /// <summary>A function was given the wrong number of arguments, or an argument that must be a literal is not one
    /// (a regular expression pattern, a date format, a date part).</summary>
    InvalidArgument = 3,

    /// <summary>An identifier is not a column of one side: level conditions name columns as <c>name_l</c> /
    /// <c>name_r</c> (quoted or bare), blocking rules as <c>l.name</c> / <c>r.name</c>.</summary>
    UnknownIdentifier = 4,

    /// <summary>A date format uses a specifier outside <c>%Y %m %d %H %M %S</c> and <c>%%</c>.</summary>
    UnsupportedDateFormat = 5,

    /// <summary>The settings JSON is not a Splink model: a required member is missing or of the wrong type.</summary>
    InvalidSettings = 6,

    /// <summary>A level has a term-frequency adjustment but its comparison has no exact-match level on that column whose
    /// u probability the adjustment needs (Splink refuses the same model).</summary>
    MissingExactMatchLevel = 7,

    /// <summary>At scoring time, a value could not be used the way the condition uses it, where DuckDB fails the query
    /// too: <c>jaccard</c> of an empty string, <c>strptime</c> of text that is not a date, text compared with a number
    /// that it does not spell.</summary>
    InvalidValue = 8,
}
