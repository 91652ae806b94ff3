//! Entry point: only starts the app (see `lib.rs`).
fn main() {
    ilmastoaskeleet::start();
}
