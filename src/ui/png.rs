//! PNG exports: the same standalone SVG a report gets, drawn onto a canvas at 1x, 2x or 4x.
//! Everything happens in this browser; nothing is uploaded.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

pub fn download_png(file_name: &str, svg: &str, scale: u32) {
    // The benchmark reads `png-export`: from here to the finished file.
    super::timing::mark("png-export-start");
    let (name, svg) = (file_name.to_string(), svg.to_string());
    wasm_bindgen_futures::spawn_local(async move {
        match png_blob(&svg, scale).await {
            Ok(blob) => {
                super::timing::measure("png-export", "png-export-start");
                super::download_blob(&name, &blob);
            }
            Err(error) => web_sys::console::error_2(&"PNG export failed:".into(), &error),
        }
    });
}

/// The PNG's bytes, for a file inside another (the "Export everything" zip).
pub async fn png_bytes(svg: &str, scale: u32) -> Result<Vec<u8>, JsValue> {
    let blob = png_blob(svg, scale).await?;
    let buffer = JsFuture::from(blob.array_buffer()).await?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The SVG drawn at `scale` pixels per unit on white, as a PNG blob.
async fn png_blob(svg: &str, scale: u32) -> Result<web_sys::Blob, JsValue> {
    let scale = scale.max(1);
    let parts = js_sys::Array::of1(&JsValue::from_str(svg));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let image = web_sys::HtmlImageElement::new()?;
    // Waits for the picture to load (or fail) before drawing it.
    let loading = image.clone();
    let loaded = js_sys::Promise::new(&mut |resolve, reject| {
        loading.set_onload(Some(&resolve));
        loading.set_onerror(Some(&reject));
    });
    image.set_src(&url);
    let result = JsFuture::from(loaded).await;
    let _ = web_sys::Url::revoke_object_url(&url);
    result?;
    let canvas = draw(&image, scale)?;
    let drawn = js_sys::Promise::new(&mut |resolve, reject| {
        let done = Closure::once_into_js(move |blob: JsValue| {
            if blob.is_null() {
                let _ = reject.call1(&JsValue::NULL, &"the canvas made no PNG".into());
            } else {
                let _ = resolve.call1(&JsValue::NULL, &blob);
            }
        });
        if let Err(error) = canvas.to_blob(done.unchecked_ref()) {
            web_sys::console::error_1(&error);
        }
    });
    Ok(JsFuture::from(drawn).await?.unchecked_into())
}

fn draw(
    image: &web_sys::HtmlImageElement,
    scale: u32,
) -> Result<web_sys::HtmlCanvasElement, JsValue> {
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
    Ok(canvas)
}
