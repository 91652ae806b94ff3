//! The pieces that several pages use: a question of the workbook (one input per kind) and the
//! charts.
pub mod charts;
pub mod question;
