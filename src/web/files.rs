//! Files and the clipboard: offer a download, read a chosen file, copy a text. Nothing leaves
//! the device.
use leptos::prelude::document;
use wasm_bindgen::JsCast;

/// Offers `text` as a file download (export, raw corrupt data). Nothing leaves the device.
pub fn download(file_name: &str, text: &str, mime: &str) {
    let parts = js_sys::Array::of1(&text.into());
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(a) = document().create_element("a") {
        let _ = a.set_attribute("href", &url);
        let _ = a.set_attribute("download", file_name);
        if let Some(body) = document().body() {
            let _ = body.append_child(&a);
            if let Some(el) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&a) {
                el.click();
            }
            let _ = body.remove_child(&a);
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Copies text to the clipboard (best effort).
pub fn copy_text(text: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.navigator().clipboard().write_text(text);
    }
}

/// Reads a chosen file as text and hands it to `done`.
pub fn read_file(input: &web_sys::HtmlInputElement, done: impl Fn(String) + 'static) {
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        return;
    };
    if file.size() > (crate::persist::MAX_BYTES as f64) {
        done(String::from_utf8(vec![b' '; crate::persist::MAX_BYTES + 1]).unwrap_or_default());
        return;
    }
    let Ok(reader) = web_sys::FileReader::new() else {
        return;
    };
    let r2 = reader.clone();
    let onload = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        if let Ok(v) = r2.result() {
            done(v.as_string().unwrap_or_default());
        }
    });
    reader.set_onload(Some(onload.as_ref().unchecked_ref()));
    onload.forget();
    let _ = reader.read_as_text(&file);
}
