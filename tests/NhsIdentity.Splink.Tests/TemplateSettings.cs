namespace NhsIdentity.Splink.Tests;

/// <summary>
/// Splink settings written from the SQL that Splink 4's comparison-library templates generate for DuckDB (read from
/// Splink's comparison_library / comparison_level_library / comparison_template_library), one comparison per template,
/// with made-up m and u. One Splink 3 style comparison uses bare identifiers and date_diff on a DATE column.
/// </summary>
internal static class TemplateSettings
{
    private const string PostcodeSector = "'^[A-Za-z]{1,2}[0-9][A-Za-z0-9]? [0-9]'";
    private const string PostcodeDistrict = "'^[A-Za-z]{1,2}[0-9][A-Za-z0-9]?'";
    private const string PostcodeArea = "'^[A-Za-z]{1,2}'";

    /// <summary>Every template except jaccard (which DuckDB fails on empty strings), TF adjustments on three columns.</summary>
    public static readonly string Templates = $$"""
    {
      "link_type": "dedupe_only",
      "unique_id_column_name": "unique_id",
      "probability_two_random_records_match": 0.0042,
      "blocking_rules_to_generate_predictions": [
        {"blocking_rule": "(l.\"surname\" = r.\"surname\")", "sql_dialect": "duckdb"},
        "l.first_name = r.first_name AND l.dob = r.dob",
        "levenshtein(l.surname, r.surname) <= 1"
      ],
      "comparisons": [
        {
          "output_column_name": "nhs_number",
          "comparison_description": "ExactMatch",
          "comparison_levels": [
            {"sql_condition": "\"nhs_number_l\" IS NULL OR \"nhs_number_r\" IS NULL", "label_for_charts": "nhs_number is NULL", "is_null_level": true},
            {"sql_condition": "\"nhs_number_l\" = \"nhs_number_r\"", "m_probability": 0.95, "u_probability": 0.002, "tf_adjustment_column": "nhs_number", "tf_adjustment_weight": 1.0},
            {"sql_condition": "ELSE", "m_probability": 0.05, "u_probability": 0.998}
          ]
        },
        {
          "output_column_name": "surname_lev",
          "comparison_description": "LevenshteinAtThresholds",
          "comparison_levels": [
            {"sql_condition": "\"surname_l\" IS NULL OR \"surname_r\" IS NULL", "is_null_level": true},
            {"sql_condition": "\"surname_l\" = \"surname_r\"", "m_probability": 0.7, "u_probability": 0.01},
            {"sql_condition": "levenshtein(\"surname_l\", \"surname_r\") <= 1", "m_probability": 0.15, "u_probability": 0.02},
            {"sql_condition": "levenshtein(\"surname_l\", \"surname_r\") <= 2", "m_probability": 0.1, "u_probability": 0.05},
            {"sql_condition": "ELSE", "m_probability": 0.05, "u_probability": 0.92}
          ]
        },
        {
          "output_column_name": "surname_dl",
          "comparison_description": "DamerauLevenshteinAtThresholds",
          "comparison_levels": [
            {"sql_condition": "\"surname_l\" IS NULL OR \"surname_r\" IS NULL", "is_null_level": true},
            {"sql_condition": "\"surname_l\" = \"surname_r\"", "m_probability": 0.7, "u_probability": 0.01, "tf_adjustment_column": "surname", "tf_adjustment_weight": 0.5, "tf_minimum_u_value": 0.05},
            {"sql_condition": "damerau_levenshtein(\"surname_l\", \"surname_r\") <= 1", "m_probability": 0.15, "u_probability": 0.02, "tf_adjustment_column": "surname", "tf_adjustment_weight": 0.25},
            {"sql_condition": "damerau_levenshtein(\"surname_l\", \"surname_r\") <= 2", "m_probability": 0.1, "u_probability": 0.05},
            {"sql_condition": "ELSE", "m_probability": 0.05, "u_probability": 0.92}
          ]
        },
        {
          "output_column_name": "first_name_jw",
          "comparison_description": "JaroWinklerAtThresholds",
          "comparison_levels": [
            {"sql_condition": "\"first_name_l\" IS NULL OR \"first_name_r\" IS NULL", "is_null_level": true},
            {"sql_condition": "\"first_name_l\" = \"first_name_r\"", "m_probability": 0.6, "u_probability": 0.02},
            {"sql_condition": "jaro_winkler_similarity(\"first_name_l\", \"first_name_r\") >= 0.9", "m_probability": 0.2, "u_probability": 0.03},
            {"sql_condition": "jaro_winkler_similarity(\"first_name_l\", \"first_name_r\") >= 0.7", "m_probability": 0.1, "u_probability": 0.1},
            {"sql_condition": "ELSE", "m_probability": 0.1, "u_probability": 0.85}
          ]
        },
        {
          "output_column_name": "first_name_jaro",
          "comparison_description": "JaroAtThresholds",
          "comparison_levels": [
            {"sql_condition": "\"first_name_l\" IS NULL OR \"first_name_r\" IS NULL", "is_null_level": true},
            {"sql_condition": "\"first_name_l\" = \"first_name_r\"", "m_probability": 0.6, "u_probability": 0.02},
            {"sql_condition": "jaro_similarity(\"first_name_l\", \"first_name_r\") >= 0.9", "m_probability": 0.2, "u_probability": 0.03},
            {"sql_condition": "jaro_similarity(\"first_name_l\", \"first_name_r\") >= 0.7", "m_probability": 0.1, "u_probability": 0.1},
            {"sql_condition": "ELSE", "m_probability": 0.1, "u_probability": 0.85}
          ]
        },
        {
          "output_column_name": "first_name",
          "comparison_description": "NameComparison",
          "comparison_levels": [
            {"sql_condition": "\"first_name_l\" IS NULL OR \"first_name_r\" IS NULL", "is_null_level": true},
            {"sql_condition": "\"first_name_l\" = \"first_name_r\"", "m_probability": 0.5, "u_probability": 0.01, "tf_adjustment_column": "first_name", "tf_adjustment_weight": 1.0},
            {"sql_condition": "jaro_winkler_similarity(\"first_name_l\", \"first_name_r\") >= 0.92", "m_probability": 0.2, "u_probability": 0.02},
            {"sql_condition": "jaro_winkler_similarity(\"first_name_l\", \"first_name_r\") >= 0.88", "m_probability": 0.1, "u_probability": 0.03},
            {"sql_condition": "jaro_winkler_similarity(\"first_name_l\", \"first_name_r\") >= 0.7", "m_probability": 0.1, "u_probability": 0.1},
            {"sql_condition": "ELSE", "m_probability": 0.1, "u_probability": 0.84}
          ]
        },
        {
          "output_column_name": "first_name_surname",
          "comparison_description": "ForenameSurnameComparison",
          "comparison_levels": [
            {"sql_condition": "(\"first_name_l\" IS NULL OR \"first_name_r\" IS NULL) AND (\"surname_l\" IS NULL OR \"surname_r\" IS NULL)", "is_null_level": true},
            {"sql_condition": "(\"first_name_l\" = \"first_name_r\") AND (\"surname_l\" = \"surname_r\")", "m_probability": 0.6, "u_probability": 0.001},
            {"sql_condition": "\"first_name_l\" = \"surname_r\" AND \"first_name_r\" = \"surname_l\"", "m_probability": 0.05, "u_probability": 0.0001},
            {"sql_condition": "\"surname_l\" = \"surname_r\"", "m_probability": 0.1, "u_probability": 0.01},
            {"sql_condition": "\"first_name_l\" = \"first_name_r\"", "m_probability": 0.1, "u_probability": 0.02},
            {"sql_condition": "jaro_winkler_similarity(\"surname_l\", \"surname_r\") >= 0.88", "m_probability": 0.05, "u_probability": 0.03},
            {"sql_condition": "jaro_winkler_similarity(\"first_name_l\", \"first_name_r\") >= 0.88", "m_probability": 0.05, "u_probability": 0.04},
            {"sql_condition": "ELSE", "m_probability": 0.05, "u_probability": 0.899}
          ]
        },
        {
          "output_column_name": "dob",
          "comparison_description": "DateOfBirthComparison (input_is_string)",
          "comparison_levels": [
            {"sql_condition": "try_strptime(\"dob_l\", '%Y-%m-%d') IS NULL OR try_strptime(\"dob_r\", '%Y-%m-%d') IS NULL", "is_null_level": true},
            {"sql_condition": "\"dob_l\" = \"dob_r\"", "m_probability": 0.8, "u_probability": 0.001},
            {"sql_condition": "damerau_levenshtein(\"dob_l\", \"dob_r\") <= 1", "m_probability": 0.1, "u_probability": 0.005},
            {"sql_condition": "ABS(EPOCH(try_strptime(\"dob_l\", '%Y-%m-%d')) - EPOCH(try_strptime(\"dob_r\", '%Y-%m-%d'))) <= 2629800.0", "m_probability": 0.04, "u_probability": 0.01},
            {"sql_condition": "ABS(EPOCH(try_strptime(\"dob_l\", '%Y-%m-%d')) - EPOCH(try_strptime(\"dob_r\", '%Y-%m-%d'))) <= 31557600.0", "m_probability": 0.03, "u_probability": 0.05},
            {"sql_condition": "ABS(EPOCH(try_strptime(\"dob_l\", '%Y-%m-%d')) - EPOCH(try_strptime(\"dob_r\", '%Y-%m-%d'))) <= 315576000.0", "m_probability": 0.02, "u_probability": 0.3},
            {"sql_condition": "ELSE", "m_probability": 0.01, "u_probability": 0.634}
          ]
        },
        {
          "output_column_name": "dob_date",
          "comparison_description": "Splink 3 datediff levels (bare identifiers, DATE column)",
          "comparison_levels": [
            {"sql_condition": "dob_date_l IS NULL OR dob_date_r IS NULL", "is_null_level": true},
            {"sql_condition": "dob_date_l = dob_date_r", "m_probability": 0.8, "u_probability": 0.001},
            {"sql_condition": "abs(date_diff('day', dob_date_l, dob_date_r)) <= 30", "m_probability": 0.08, "u_probability": 0.01},
            {"sql_condition": "abs(datediff('month', dob_date_l, dob_date_r)) <= 12", "m_probability": 0.06, "u_probability": 0.05},
            {"sql_condition": "abs(date_diff('year', dob_date_l, dob_date_r)) <= 5 AND NOT (abs(date_diff('week', dob_date_l, dob_date_r)) > 300)", "m_probability": 0.04, "u_probability": 0.2},
            {"sql_condition": "ELSE", "m_probability": 0.02, "u_probability": 0.739}
          ]
        },
        {
          "output_column_name": "postcode",
          "comparison_description": "PostcodeComparison",
          "comparison_levels": [
            {"sql_condition": "\"postcode_l\" IS NULL OR \"postcode_r\" IS NULL", "is_null_level": true},
            {"sql_condition": "\"postcode_l\" = \"postcode_r\"", "m_probability": 0.7, "u_probability": 0.0005},
            {"sql_condition": "NULLIF(regexp_extract(\"postcode_l\", {{PostcodeSector}}, 0), '') = NULLIF(regexp_extract(\"postcode_r\", {{PostcodeSector}}, 0), '')", "m_probability": 0.1, "u_probability": 0.005},
            {"sql_condition": "NULLIF(regexp_extract(\"postcode_l\", {{PostcodeDistrict}}, 0), '') = NULLIF(regexp_extract(\"postcode_r\", {{PostcodeDistrict}}, 0), '')", "m_probability": 0.1, "u_probability": 0.01},
            {"sql_condition": "NULLIF(regexp_extract(\"postcode_l\", {{PostcodeArea}}, 0), '') = NULLIF(regexp_extract(\"postcode_r\", {{PostcodeArea}}, 0), '')", "m_probability": 0.05, "u_probability": 0.05},
            {"sql_condition": "ELSE", "m_probability": 0.05, "u_probability": 0.9345}
          ]
        },
        {
          "output_column_name": "email",
          "comparison_description": "EmailComparison",
          "comparison_levels": [
            {"sql_condition": "\"email_l\" IS NULL OR \"email_r\" IS NULL", "is_null_level": true},
            {"sql_condition": "\"email_l\" = \"email_r\"", "m_probability": 0.8, "u_probability": 0.0001},
            {"sql_condition": "NULLIF(regexp_extract(\"email_l\", '^[^@]+', 0), '') = NULLIF(regexp_extract(\"email_r\", '^[^@]+', 0), '')", "m_probability": 0.1, "u_probability": 0.001},
            {"sql_condition": "jaro_winkler_similarity(\"email_l\", \"email_r\") >= 0.88", "m_probability": 0.05, "u_probability": 0.01},
            {"sql_condition": "jaro_winkler_similarity(NULLIF(regexp_extract(\"email_l\", '^[^@]+', 0), ''), NULLIF(regexp_extract(\"email_r\", '^[^@]+', 0), '')) >= 0.88", "m_probability": 0.03, "u_probability": 0.02},
            {"sql_condition": "ELSE", "m_probability": 0.02, "u_probability": 0.9689}
          ]
        },
        {
          "output_column_name": "tokens",
          "comparison_description": "ArrayIntersectAtSizes",
          "comparison_levels": [
            {"sql_condition": "\"tokens_l\" IS NULL OR \"tokens_r\" IS NULL", "is_null_level": true},
            {"sql_condition": "array_length(list_intersect(\"tokens_l\", \"tokens_r\")) >= 2", "m_probability": 0.6, "u_probability": 0.05},
            {"sql_condition": "array_length(list_intersect(\"tokens_l\", \"tokens_r\")) >= 1", "m_probability": 0.3, "u_probability": 0.2},
            {"sql_condition": "ELSE", "m_probability": 0.1, "u_probability": 0.75}
          ]
        },
        {
          "output_column_name": "more_levels",
          "comparison_description": "AbsoluteDifference, PercentageDifference, ArraySubset, LiteralMatch and DateOfBirth's separate_1st_january levels",
          "comparison_levels": [
            {"sql_condition": "\"height_l\" IS NULL OR \"height_r\" IS NULL", "is_null_level": true},
            {"sql_condition": "(SUBSTRING(CAST(try_strptime(\"dob_l\", '%Y-%m-%d') AS TEXT), 6, 5) = '01-01' OR SUBSTRING(CAST(try_strptime(\"dob_r\", '%Y-%m-%d') AS TEXT), 6, 5) = '01-01') AND SUBSTRING(CAST(try_strptime(\"dob_l\", '%Y-%m-%d') AS TEXT), 0, 4) = SUBSTRING(CAST(try_strptime(\"dob_r\", '%Y-%m-%d') AS TEXT), 0, 4)", "m_probability": 0.1, "u_probability": 0.001},
            {"sql_condition": "\"city_l\" = 'leeds' AND \"city_r\" = 'leeds'", "m_probability": 0.1, "u_probability": 0.002},
            {"sql_condition": "LEAST(ARRAY_LENGTH(\"tokens_l\"), ARRAY_LENGTH(\"tokens_r\")) <> 0 AND ARRAY_LENGTH(LIST_INTERSECT(\"tokens_l\", \"tokens_r\")) = LEAST(ARRAY_LENGTH(\"tokens_l\"), ARRAY_LENGTH(\"tokens_r\"))", "m_probability": 0.1, "u_probability": 0.01},
            {"sql_condition": "ABS(\"height_l\" - \"height_r\") <= 2.5", "m_probability": 0.3, "u_probability": 0.1},
            {"sql_condition": "(ABS(\"height_l\" - \"height_r\") / (CASE WHEN \"height_r\" > \"height_l\" THEN \"height_r\" ELSE \"height_l\" END)) < 0.05", "m_probability": 0.2, "u_probability": 0.2},
            {"sql_condition": "ELSE", "m_probability": 0.2, "u_probability": 0.687}
          ]
        },
        {
          "output_column_name": "transforms",
          "comparison_description": "ColumnExpression transforms: lower, upper, substr, left, concatenation, IN, CASE",
          "comparison_levels": [
            {"sql_condition": "\"surname_l\" IS NULL OR \"surname_r\" IS NULL OR \"first_name_l\" IS NULL OR \"first_name_r\" IS NULL", "is_null_level": true},
            {"sql_condition": "LOWER(\"surname_l\") = LOWER(\"surname_r\") AND UPPER(\"first_name_l\") = UPPER(\"first_name_r\")", "m_probability": 0.5, "u_probability": 0.002},
            {"sql_condition": "SUBSTRING(LOWER(\"surname_l\"), 1, 3) = SUBSTRING(LOWER(\"surname_r\"), 1, 3) AND left(\"first_name_l\", 1) = left(\"first_name_r\", 1)", "m_probability": 0.2, "u_probability": 0.01},
            {"sql_condition": "substr(\"first_name_l\" || ' ' || \"surname_l\", -3, 3) = substr(\"first_name_r\" || ' ' || \"surname_r\", -3, 3)", "m_probability": 0.1, "u_probability": 0.02},
            {"sql_condition": "\"city_l\" IN ('leeds', 'york') AND \"city_r\" IN ('leeds', 'york') AND NOT (\"city_l\" <> \"city_r\")", "m_probability": 0.1, "u_probability": 0.03},
            {"sql_condition": "(CASE WHEN length(\"surname_l\") > length(\"surname_r\") THEN length(\"surname_l\") ELSE length(\"surname_r\") END) - levenshtein(\"surname_l\", \"surname_r\") >= 3", "m_probability": 0.05, "u_probability": 0.1},
            {"sql_condition": "ELSE", "m_probability": 0.05, "u_probability": 0.838}
          ]
        }
      ]
    }
    """;

    /// <summary>JaccardAtThresholds, on data without empty strings in its column.</summary>
    public const string Jaccard = """
    {
      "probability_two_random_records_match": 0.01,
      "comparisons": [
        {
          "output_column_name": "city",
          "comparison_levels": [
            {"sql_condition": "\"city_l\" IS NULL OR \"city_r\" IS NULL", "is_null_level": true},
            {"sql_condition": "\"city_l\" = \"city_r\"", "m_probability": 0.7, "u_probability": 0.01, "tf_adjustment_column": "city"},
            {"sql_condition": "jaccard(\"city_l\", \"city_r\") >= 0.9", "m_probability": 0.1, "u_probability": 0.02},
            {"sql_condition": "jaccard(\"city_l\", \"city_r\") >= 0.7", "m_probability": 0.1, "u_probability": 0.05},
            {"sql_condition": "ELSE", "m_probability": 0.1, "u_probability": 0.92}
          ]
        }
      ]
    }
    """;
}
