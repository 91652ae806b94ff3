//! Emission factors: the number, its unit and year, who publishes it and how far it was verified.
use super::Text;

#[derive(Clone, Debug)]
pub struct Factor {
    pub id: &'static str,
    pub category: &'static str,
    pub scope: u8,
    pub unit: &'static str,
    pub kg_per_unit: f64,
    pub label: Text,
    pub where_to_find: Text,
    pub year: u16,
    pub source: &'static str,
    pub url: &'static str,
    pub checked: &'static str,
    /// Who publishes the number (shown to users in their language, with `url`).
    pub basis: Basis,
    /// How far the number could be checked (shown to users next to the source).
    pub verification: Verification,
}

/// The publisher a factor's number comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// Statistics Finland.
    Statfi,
    /// The Energy Authority (residual mix).
    Energiavirasto,
    /// GHG Protocol rules (a zero by definition).
    Ghgp,
    /// Motiva / Energiateollisuus (district heat).
    Motiva,
    /// VTT LIPASTO unit emissions.
    Lipasto,
    /// UK DESNZ conversion factors.
    Desnz,
    /// US EPA USEEIO supply-chain factors.
    Useeio,
    /// Computed from other factors of this file.
    Derived,
}

/// How far a factor's number could be checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verification {
    /// Seen in a stored copy of the publisher's own page.
    Publisher,
    /// Read from a public copy of the official table; to be checked against the original.
    Copy,
    /// Not seen in any source: could not be verified.
    Unverified,
}
