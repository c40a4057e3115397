//! PNG exports: the same standalone SVG a report gets, drawn onto a canvas at 1x, 2x or 4x.
//! Everything happens in this browser; nothing is uploaded.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

pub fn download_png(file_name: &str, svg: &str, scale: u32) {
    // The benchmark reads `png-export`: from here to the finished file.
    super::timing::mark("png-export-start");
    if let Err(error) = start(file_name.to_string(), svg, scale.max(1)) {
        web_sys::console::error_2(&"PNG export failed:".into(), &error);
    }
}

fn start(file_name: String, svg: &str, scale: u32) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(svg));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let image = web_sys::HtmlImageElement::new()?;
    let loaded = image.clone();
    let svg_url = url.clone();
    let onload = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&svg_url);
        if let Err(error) = draw(&loaded, &file_name, scale) {
            web_sys::console::error_2(&"PNG export failed:".into(), &error);
        }
    });
    image.set_onload(Some(onload.unchecked_ref()));
    image.set_src(&url);
    Ok(())
}

fn draw(image: &web_sys::HtmlImageElement, file_name: &str, scale: u32) -> Result<(), JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let canvas: web_sys::HtmlCanvasElement = document.create_element("canvas")?.unchecked_into();
    let (width, height) = (image.natural_width().max(1), image.natural_height().max(1));
    canvas.set_width(width * scale);
    canvas.set_height(height * scale);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")?
        .ok_or_else(|| JsValue::from_str("no 2d context"))?
        .unchecked_into();
    context.set_fill_style_str("#ffffff");
    context.fill_rect(
        0.0,
        0.0,
        f64::from(width * scale),
        f64::from(height * scale),
    );
    context.scale(f64::from(scale), f64::from(scale))?;
    context.draw_image_with_html_image_element(image, 0.0, 0.0)?;
    let name = file_name.to_string();
    let done = Closure::once_into_js(move |blob: Option<web_sys::Blob>| {
        super::timing::measure("png-export", "png-export-start");
        if let Some(blob) = blob {
            super::download_blob(&name, &blob);
        }
    });
    canvas.to_blob(done.unchecked_ref())
}
