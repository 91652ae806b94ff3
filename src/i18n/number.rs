//! Numbers as each language writes and reads them: decimal comma in Finnish and Swedish, a
//! narrow no-break space between thousands, and the inputs people type ("12,5", "20,000").
use super::Lang;

/// Formats a number the way the language writes it: decimal comma in Finnish and Swedish,
/// a narrow no-break space between thousands, and at most `decimals` decimals.
pub fn format_number(lang: Lang, value: f64, decimals: usize) -> String {
    let s = format!("{:.*}", decimals, value.abs());
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.trim_end_matches('0').to_string())),
        None => (s.clone(), None),
    };
    let sep = match lang {
        Lang::En => ',',
        _ => '\u{202f}',
    };
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(sep);
        }
        grouped.push(c);
    }
    let mut out = String::new();
    if value < 0.0
        && (grouped.chars().any(|c| c != '0' && c != sep)
            || frac.as_deref().is_some_and(|f| !f.is_empty()))
    {
        out.push('−');
    }
    out.push_str(&grouped);
    if let Some(f) = frac.filter(|f| !f.is_empty()) {
        out.push(if lang == Lang::En { '.' } else { ',' });
        out.push_str(&f);
    }
    out
}

/// A number for an input field: the language's decimal mark, no thousands separators (so that
/// what is shown parses back to the same value), at most three decimals.
pub fn format_input(lang: Lang, value: f64) -> String {
    let s = format!("{value:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.').to_string();
    let s = if s == "-0" { "0".to_string() } else { s };
    if lang == Lang::En {
        s
    } else {
        s.replace('.', ",")
    }
}

/// Parses a number typed in `lang`. In English a comma separates thousands ("20,000"); in
/// Finnish and Swedish it is the decimal mark ("12,5"). A point is a decimal mark in all three.
pub fn parse_number_in(lang: Lang, input: &str) -> Option<f64> {
    if lang == Lang::En {
        let grouped = input.trim();
        // "1,234" or "12,345.5": commas only between groups of three digits.
        let int_part = grouped.split('.').next().unwrap_or("");
        let groups: Vec<&str> = int_part.trim_start_matches('-').split(',').collect();
        if groups.len() > 1
            && (groups[0].is_empty()
                || groups[0].len() > 3
                || groups[1..].iter().any(|g| g.len() != 3))
        {
            return None;
        }
        parse_number(&grouped.replace(',', ""))
    } else {
        parse_number(input)
    }
}

/// Parses a number typed by a user: accepts a decimal comma or point and spaces between
/// thousands ("12 500,5", "12500.5"). Returns `None` for anything else.
pub fn parse_number(input: &str) -> Option<f64> {
    let cleaned: String = input
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .map(|c| match c {
            ',' => '.',
            '−' => '-',
            c => c,
        })
        .collect();
    if cleaned.is_empty() || cleaned.matches('.').count() > 1 {
        return None;
    }
    if !cleaned
        .chars()
        .enumerate()
        .all(|(i, c)| c.is_ascii_digit() || c == '.' || (i == 0 && c == '-'))
    {
        return None;
    }
    cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
}
