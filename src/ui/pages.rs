//! One module per page. A page may have child modules (`step::footprint`) but never imports
//! another page: what two pages share is a component, a label or a draft.
pub mod content_review;
pub mod data;
pub mod landing;
pub mod municipalities;
pub mod not_found;
pub mod plan;
pub mod report;
pub mod results;
pub mod step;
pub mod supports;
pub mod text_pages;
