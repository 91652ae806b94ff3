//! A first carbon-footprint estimate: amount × emission factor, by GHG Protocol scope and by
//! category. Method and factor sources: `docs/footprint-method.md`. Pure.
use crate::content::Content;
use crate::model::FootprintYear;

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
    let mut e = Estimate::default();
    for (id, entry) in year {
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
