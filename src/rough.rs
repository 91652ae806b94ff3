//! The first footprint of every company ("karkea arvio"): from the profile alone, with the typical
//! figures of `content/defaults.toml`, refined source by source by the bills the user enters.
//! Every source is either the user's own figure or a default, never both. Pure.
use crate::content::{Content, Typical};
use crate::footprint::{estimate, relative_uncertainty, Estimate};
use crate::model::{profile, Answer, Company, FootprintYear, Profile};
use std::collections::BTreeMap;

/// The sources of the footprint, as the owner thinks of them. The factor categories `fuels` and
/// `vehicles` are one source (the same vehicles, in litres or in kilometres).
pub const SOURCES: [&str; 7] = [
    "electricity",
    "heating",
    "vehicles",
    "travel",
    "commuting",
    "purchases",
    "waste",
];

/// The source of an emission-factor category (`fuels` and `vehicles` are both `vehicles`).
pub fn source_of(category: &str) -> &str {
    match category {
        "fuels" => "vehicles",
        other => other,
    }
}

/// One source of the footprint.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceLine {
    /// One of `SOURCES`.
    pub source: &'static str,
    pub kg: f64,
    pub low_kg: f64,
    pub high_kg: f64,
    /// `true`: from the figures the user entered; `false`: from typical figures (a default).
    pub own: bool,
    /// The typical figures behind a default (ids in `content/defaults.toml`); empty when own.
    pub defaults: Vec<&'static str>,
    /// A default that rests on at least one unverified typical figure.
    pub unverified: bool,
}

impl SourceLine {
    pub fn t(&self) -> f64 {
        self.kg / 1000.0
    }
}

/// The footprint of one year: the user's own figures where given, typical figures elsewhere.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Rough {
    pub total_kg: f64,
    pub low_kg: f64,
    pub high_kg: f64,
    /// Sources with their emissions, largest first (sources that do not apply are left out).
    pub sources: Vec<SourceLine>,
    /// The detailed estimate of the figures the user entered (scopes, lines, skipped entries,
    /// kilometres replaced by litres).
    pub own: Estimate,
}

impl Rough {
    pub fn total_t(&self) -> f64 {
        self.total_kg / 1000.0
    }

    /// Whether any source is a default: the result must then be labelled "karkea arvio".
    pub fn is_rough(&self) -> bool {
        self.sources.iter().any(|s| !s.own)
    }

    /// The source with the most emissions, if any has emissions.
    pub fn largest(&self) -> Option<&SourceLine> {
        self.sources.first().filter(|s| s.kg > 0.0)
    }

    /// Sources with emissions, largest first, for `ranking::rank`.
    pub fn largest_sources(&self) -> Vec<String> {
        self.sources
            .iter()
            .filter(|s| s.kg > 0.0)
            .map(|s| s.source.to_string())
            .collect()
    }

    pub fn line(&self, source: &str) -> Option<&SourceLine> {
        self.sources.iter().find(|s| s.source == source)
    }
}

/// The typical figure of `quantity` for this company: the first entry whose facts all hold.
pub fn typical<'a>(content: &'a Content, quantity: &str, p: &Profile) -> Option<&'a Typical> {
    content
        .defaults
        .iter()
        .find(|d| d.quantity == quantity && d.when.iter().all(|f| p.facts.contains(*f)))
}

/// A product of typical figures and a factor, with its range: the relative spreads of the
/// inputs are combined on a log scale (independent errors), the result is `value × (÷) spread`.
#[derive(Clone, Debug)]
struct Product {
    value: f64,
    log_low: f64,
    log_high: f64,
    ids: Vec<&'static str>,
    unverified: bool,
}

impl Product {
    fn one() -> Product {
        Product {
            value: 1.0,
            log_low: 0.0,
            log_high: 0.0,
            ids: Vec::new(),
            unverified: false,
        }
    }

    fn times(mut self, t: &Typical) -> Product {
        self.value *= t.value;
        if t.value > 0.0 && t.low > 0.0 {
            self.log_low += (t.value / t.low).ln().powi(2);
        }
        if t.value > 0.0 && t.high > 0.0 {
            self.log_high += (t.high / t.value).ln().powi(2);
        }
        self.ids.push(t.id);
        self.unverified |= !t.verified;
        self
    }

    /// Multiplies by an exact number (a count the user gave, a share).
    fn scale(mut self, x: f64) -> Product {
        self.value *= x;
        self
    }

    fn kg_with(self, content: &Content, factor: &str) -> Option<(f64, f64, f64, Self)> {
        let f = content.factor(factor)?;
        let u = relative_uncertainty(factor);
        let kg = self.value * f.kg_per_unit;
        let fu = (1.0 + u).ln().powi(2);
        let low = kg / (self.log_low + fu).sqrt().exp();
        let high = kg * (self.log_high + fu).sqrt().exp();
        Some((kg, low, high, self))
    }
}

#[derive(Default)]
struct Acc {
    lines: BTreeMap<&'static str, SourceLine>,
}

impl Acc {
    fn add(&mut self, source: &'static str, r: Option<(f64, f64, f64, Product)>) {
        let Some((kg, low, high, p)) = r else {
            return;
        };
        let line = self.lines.entry(source).or_insert(SourceLine {
            source,
            kg: 0.0,
            low_kg: 0.0,
            high_kg: 0.0,
            own: false,
            defaults: Vec::new(),
            unverified: false,
        });
        line.kg += kg;
        line.low_kg += low;
        line.high_kg += high;
        for id in p.ids {
            if !line.defaults.contains(&id) {
                line.defaults.push(id);
            }
        }
        line.unverified |= p.unverified;
    }
}

fn choice<'a>(answers: &'a BTreeMap<String, Answer>, q: &str) -> Option<&'a str> {
    match answers.get(q) {
        Some(Answer::Choice(c)) => Some(c),
        _ => None,
    }
}

/// The default lines for a company from its profile answers alone.
pub fn defaults_for(content: &Content, answers: &BTreeMap<String, Answer>) -> Vec<SourceLine> {
    let p = profile(content, answers);
    let has = |f: &str| p.facts.contains(f);
    let t = |q: &str| typical(content, q, &p);
    let mut acc = Acc::default();
    let Some(people) = t("employees") else {
        return Vec::new();
    };
    let staff = Product::one().times(people);

    // Premises: electricity and heating, unless the company works at home or at customers'.
    if !has("premises:home") && !has("premises:none") {
        if let (Some(area), Some(el), Some(heat)) =
            (t("floor-area"), t("electricity"), t("heating"))
        {
            let m2 = staff.clone().times(area);
            let el_factor = if has("electricity:renewable") {
                "electricity.renewable"
            } else {
                "electricity.grid"
            };
            acc.add(
                "electricity",
                m2.clone().times(el).kg_with(content, el_factor),
            );
            let heat = m2.times(heat);
            if has("heating:electric") {
                acc.add("electricity", heat.kg_with(content, el_factor));
            } else if has("heating:heat-pump") {
                if let Some(cop) = t("heat-pump-cop") {
                    let mut h = heat.scale(1.0 / cop.value);
                    // A better pump means less electricity: the spread flips.
                    h.log_low += (cop.high / cop.value).ln().powi(2);
                    h.log_high += (cop.value / cop.low).ln().powi(2);
                    h.ids.push(cop.id);
                    h.unverified |= !cop.verified;
                    acc.add("electricity", h.kg_with(content, el_factor));
                }
            } else if has("heating:oil") {
                if let Some(oil) = t("oil-energy") {
                    let mut h = heat.scale(1.0 / oil.value);
                    h.ids.push(oil.id);
                    h.unverified |= !oil.verified;
                    acc.add("heating", h.kg_with(content, "heating.oil"));
                }
            } else {
                let factor = if has("heating:gas") {
                    "heating.gas"
                } else if has("heating:wood") {
                    "heating.wood"
                } else {
                    // District heat is the most common way to heat in Finland; unknown heating
                    // is counted as district heat.
                    "heating.district"
                };
                acc.add("heating", heat.kg_with(content, factor));
            }
        }
    }

    // Vehicles and machines the company said it has: kilometres for cars and vans, litres for
    // machines (never both for the same vehicles).
    let kinds: Vec<&str> = ["vehicles:cars", "vehicles:vans-trucks", "vehicles:machines"]
        .into_iter()
        .filter(|k| has(k))
        .collect();
    if !kinds.is_empty() && !has("vehicles:none") {
        let given = match answers.get("current.vehicle-count") {
            Some(Answer::Number(n)) if n.is_finite() && *n > 0.0 => Some(*n),
            _ => None,
        };
        let fuel = choice(answers, "current.fuel").unwrap_or("unknown");
        for kind in &kinds {
            let count = match (given, t("vehicles")) {
                (Some(n), _) => Product::one().scale(n / kinds.len() as f64),
                (None, Some(v)) => Product::one().times(v),
                (None, None) => continue,
            };
            let (per, km_factor) = match *kind {
                "vehicles:cars" => (t("car-km"), "vehicle.car-diesel-km"),
                "vehicles:vans-trucks" => (t("van-km"), "vehicle.van-diesel-km"),
                _ => (t("machine-fuel"), "fuel.diesel"),
            };
            let Some(per) = per else { continue };
            let amount = count.times(per);
            let is_machine = *kind == "vehicles:machines";
            match fuel {
                "electric" if !is_machine => acc.add(
                    "vehicles",
                    amount.kg_with(content, "vehicle.car-electric-km"),
                ),
                "mixed" if !is_machine => {
                    let half = amount.scale(0.5);
                    acc.add("vehicles", half.clone().kg_with(content, km_factor));
                    acc.add("vehicles", half.kg_with(content, "vehicle.car-electric-km"));
                }
                "renewable-diesel" => {
                    // HVO in the same engines: the per-litre ratio of HVO to fossil diesel.
                    let ratio = match (content.factor("fuel.hvo"), content.factor("fuel.diesel")) {
                        (Some(h), Some(d)) if d.kg_per_unit > 0.0 => h.kg_per_unit / d.kg_per_unit,
                        _ => 1.0,
                    };
                    acc.add("vehicles", amount.scale(ratio).kg_with(content, km_factor));
                }
                _ => acc.add("vehicles", amount.kg_with(content, km_factor)),
            }
        }
    }

    // Commuting by car, unless the only workplace is home.
    if !has("premises:home") {
        if let Some(c) = t("commuting") {
            acc.add(
                "commuting",
                staff.clone().times(c).kg_with(content, "commuting.car"),
            );
        }
    }
    if has("travel:flights") {
        if let Some(fl) = t("flights") {
            acc.add(
                "travel",
                staff
                    .clone()
                    .times(fl)
                    .kg_with(content, "travel.flight-europe"),
            );
        }
    }
    if let Some(pu) = t("purchases") {
        if let Some(f) = pu.factor {
            acc.add("purchases", staff.clone().times(pu).kg_with(content, f));
        }
    }
    if let Some(w) = t("waste") {
        if let Some(f) = w.factor {
            acc.add("waste", staff.times(w).kg_with(content, f));
        }
    }
    acc.lines.into_values().collect()
}

/// The footprint of `year` ("2025") for a company: each source the user has entered any bill
/// for is the user's own figure; every other source is the default from the profile.
pub fn estimate_for(content: &Content, company: &Company, year: &str) -> Rough {
    let empty = FootprintYear::new();
    let entries = company.footprints.get(year).unwrap_or(&empty);
    rough(content, &company.answers, entries)
}

/// The footprint from answers and one year's entries (see `estimate_for`).
pub fn rough(
    content: &Content,
    answers: &BTreeMap<String, Answer>,
    entries: &FootprintYear,
) -> Rough {
    let own = estimate(content, entries);
    // A source is the user's own as soon as any entry of it is present (even 0: "we have none").
    let mut own_sources: Vec<&'static str> = Vec::new();
    for id in entries.keys() {
        if let Some(f) = content.factor(id) {
            let s = source_of(f.category);
            if let Some(src) = SOURCES.iter().find(|x| **x == s) {
                if !own_sources.contains(src) {
                    own_sources.push(src);
                }
            }
        }
    }
    let mut sources: Vec<SourceLine> = defaults_for(content, answers)
        .into_iter()
        .filter(|l| !own_sources.contains(&l.source))
        .collect();
    for src in own_sources {
        let mut line = SourceLine {
            source: src,
            kg: 0.0,
            low_kg: 0.0,
            high_kg: 0.0,
            own: true,
            defaults: Vec::new(),
            unverified: false,
        };
        for l in own.lines.iter().filter(|l| source_of(&l.category) == src) {
            let u = relative_uncertainty(&l.factor);
            line.kg += l.kg;
            line.low_kg += l.kg * (1.0 - u);
            line.high_kg += l.kg * (1.0 + u);
        }
        sources.push(line);
    }
    sources.sort_by(|a, b| b.kg.total_cmp(&a.kg).then_with(|| a.source.cmp(b.source)));
    Rough {
        total_kg: sources.iter().map(|s| s.kg).sum(),
        low_kg: sources.iter().map(|s| s.low_kg).sum(),
        high_kg: sources.iter().map(|s| s.high_kg).sum(),
        sources,
        own,
    }
}

/// The year whose footprint the Results page shows: the latest year with entries, else `today`'s
/// year ("2026-12-02" gives "2026"; the rough estimate needs no entries).
pub fn current_year(company: &Company, today: &str) -> String {
    company
        .footprints
        .iter()
        .rev()
        .find(|(_, e)| !e.is_empty())
        .map(|(y, _)| y.clone())
        .unwrap_or_else(|| today.chars().take(4).collect())
}
