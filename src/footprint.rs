//! A first carbon-footprint estimate: amount × emission factor, by GHG Protocol scope and by
//! category. Method and factor sources: `docs/footprint-method.md`. Pure.
use crate::content::Content;
use crate::i18n::Lang;
use crate::model::{FootprintEntry, FootprintYear};

/// Litres and kilometres that describe the same vehicles: a litres factor and the per-km factors
/// of vehicles that burn that fuel. Only one of the two may count, or the same driving would be
/// counted twice (docs/footprint-method.md, section 2).
pub const SAME_VEHICLES: &[(&str, &[&str])] = &[
    ("fuel.petrol", &["vehicle.car-petrol-km"]),
    (
        "fuel.diesel",
        &["vehicle.car-diesel-km", "vehicle.van-diesel-km"],
    ),
    (
        "fuel.hvo",
        &["vehicle.car-diesel-km", "vehicle.van-diesel-km"],
    ),
];

/// The entries that describe the same vehicles as `id` (litres for a per-km factor and the other
/// way round).
pub fn same_vehicles(id: &str) -> Vec<&'static str> {
    let mut out = Vec::new();
    for (litres, kms) in SAME_VEHICLES {
        if *litres == id {
            out.extend(kms.iter().copied());
        } else if kms.contains(&id) {
            out.push(*litres);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Sets one footprint input and removes the inputs that describe the same vehicles, so that a
/// year can never hold both litres and kilometres for them. Returns the ids removed (the form
/// should say "replaced by the litres you entered").
pub fn set_entry(year: &mut FootprintYear, id: &str, entry: FootprintEntry) -> Vec<String> {
    let removed: Vec<String> = same_vehicles(id)
        .into_iter()
        .filter(|other| year.remove(*other).is_some())
        .map(str::to_string)
        .collect();
    year.insert(id.to_string(), entry);
    removed
}

/// Kilometre entries that are not counted because litres were entered for the same vehicles
/// (data saved by an older version or imported): (km id, litres id).
pub fn overlapping(year: &FootprintYear) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (litres, kms) in SAME_VEHICLES {
        if !year.contains_key(*litres) {
            continue;
        }
        for km in kms.iter().filter(|k| year.contains_key(**k)) {
            if !out.iter().any(|(k, _): &(String, String)| k == km) {
                out.push((km.to_string(), litres.to_string()));
            }
        }
    }
    out
}

/// Relative uncertainty (±) of a figure computed from the user's own amount with this factor,
/// from the table in docs/footprint-method.md, section 7 (the middle of each range).
pub fn relative_uncertainty(factor_id: &str) -> f64 {
    let prefix = factor_id.split('.').next().unwrap_or("");
    match (prefix, factor_id) {
        (_, "heating.district") => 0.35,
        ("electricity", _) => 0.15,
        ("heating", _) | ("fuel", _) => 0.10,
        ("vehicle", _) => 0.25,
        ("travel", _) | ("commuting", _) => 0.40,
        _ => 0.50,
    }
}

/// A number rounded to two significant figures: the most a footprint estimate can honestly
/// claim (82.31 becomes 82, 3.151 becomes 3.2, 1 234 becomes 1 200).
pub fn round_sig2(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return 0.0;
    }
    let mag = x.abs().log10().floor() as i32;
    let scale = 10f64.powi(1 - mag);
    (x * scale).round() / scale
}

/// Tonnes with two significant figures in the reader's language: "82", "3,2", "0,044",
/// "1 200" (fi, sv: decimal comma, no-break space between thousands) or "1,200" (en).
pub fn fmt_t(t: f64, lang: Lang) -> String {
    let r = round_sig2(t);
    let decimals = if r == 0.0 || r.abs() >= 10.0 {
        0
    } else {
        (1 - r.abs().log10().floor() as i32).max(0) as usize
    };
    let s = format!("{:.*}", decimals, r.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let (sep, point) = match lang {
        Lang::En => (",", "."),
        _ => ("\u{a0}", ","),
    };
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push_str(sep);
        }
        grouped.push(c);
    }
    let sign = if r < 0.0 { "-" } else { "" };
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}{point}{frac}")
    }
}

/// An estimate shown honestly: the central figure and, when the uncertainty is large, the range,
/// each with two significant figures (never "82,31 t ±50 %").
#[derive(Clone, Debug, PartialEq)]
pub struct Honest {
    /// The central figure, t CO2e.
    pub t: String,
    /// The range low–high, t CO2e, when it is wider than about ±20 %.
    pub range: Option<(String, String)>,
}

/// Formats an estimate of `total_kg` in `low_kg`…`high_kg` for display.
pub fn honest(total_kg: f64, low_kg: f64, high_kg: f64, lang: Lang) -> Honest {
    let wide = total_kg > 0.0 && (high_kg - low_kg) / total_kg > 0.4;
    let (lo, hi) = (fmt_t(low_kg / 1000.0, lang), fmt_t(high_kg / 1000.0, lang));
    Honest {
        t: fmt_t(total_kg / 1000.0, lang),
        range: (wide && lo != hi).then_some((lo, hi)),
    }
}

/// Units a user may type for a factor's unit, with the multiplier to the factor's unit.
pub fn conversions(factor_unit: &str) -> &'static [(&'static str, f64)] {
    match factor_unit {
        "kWh" => &[("kWh", 1.0), ("MWh", 1000.0)],
        "kg" => &[("kg", 1.0), ("t", 1000.0)],
        "l" => &[("l", 1.0), ("m3", 1000.0)],
        "km" => &[("km", 1.0)],
        "eur" => &[("eur", 1.0)],
        "m3" => &[("m3", 1.0)],
        _ => &[],
    }
}

/// Converts an amount from `unit` to the factor's unit; `None` if the unit does not fit.
pub fn to_factor_unit(amount: f64, unit: &str, factor_unit: &str) -> Option<f64> {
    conversions(factor_unit)
        .iter()
        .find(|(u, _)| *u == unit)
        .map(|(_, m)| amount * m)
}

#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub factor: String,
    pub category: String,
    pub scope: u8,
    pub kg: f64,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Estimate {
    pub lines: Vec<Line>,
    /// kg CO2e for scopes 1, 2 and 3.
    pub by_scope: [f64; 3],
    /// kg CO2e by factor category, largest first.
    pub by_category: Vec<(String, f64)>,
    pub total_kg: f64,
    /// Entries that could not be used (unknown factor, wrong unit, negative amount).
    pub skipped: Vec<String>,
    /// Kilometre entries not counted because litres were entered for the same vehicles:
    /// (km id, litres id). `set_entry` prevents this; older or imported data may still hold both.
    pub replaced: Vec<(String, String)>,
    /// The lowest and highest plausible totals, kg CO2e, from each line's uncertainty
    /// (`relative_uncertainty`).
    pub low_kg: f64,
    pub high_kg: f64,
}

impl Estimate {
    pub fn total_t(&self) -> f64 {
        self.total_kg / 1000.0
    }

    /// Categories with emissions, largest first.
    pub fn largest_categories(&self) -> Vec<String> {
        self.by_category
            .iter()
            .filter(|(_, kg)| *kg > 0.0)
            .map(|(c, _)| c.clone())
            .collect()
    }
}

pub fn estimate(content: &Content, year: &FootprintYear) -> Estimate {
    let mut e = Estimate {
        replaced: overlapping(year),
        ..Estimate::default()
    };
    for (id, entry) in year {
        if e.replaced.iter().any(|(km, _)| km == id) {
            continue;
        }
        let Some(f) = content.factor(id) else {
            e.skipped.push(id.clone());
            continue;
        };
        let Some(amount) = to_factor_unit(entry.amount, &entry.unit, f.unit)
            .filter(|a| a.is_finite() && *a >= 0.0)
        else {
            e.skipped.push(id.clone());
            continue;
        };
        let kg = amount * f.kg_per_unit;
        if (1..=3).contains(&f.scope) {
            e.by_scope[usize::from(f.scope - 1)] += kg;
        }
        e.total_kg += kg;
        let u = relative_uncertainty(id);
        e.low_kg += kg * (1.0 - u);
        e.high_kg += kg * (1.0 + u);
        match e.by_category.iter_mut().find(|(c, _)| *c == f.category) {
            Some((_, sum)) => *sum += kg,
            None => e.by_category.push((f.category.to_string(), kg)),
        }
        e.lines.push(Line {
            factor: id.clone(),
            category: f.category.to_string(),
            scope: f.scope,
            kg,
        });
    }
    e.by_category
        .sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    e.lines
        .sort_by(|a, b| b.kg.total_cmp(&a.kg).then_with(|| a.factor.cmp(&b.factor)));
    e
}
