//! The pieces that several pages use: a question of the workbook (one input per kind), the
//! charts, an action card, a support card, the footprint summary.
pub mod action_card;
pub mod charts;
pub mod footprint_summary;
pub mod question;
pub mod support_card;
