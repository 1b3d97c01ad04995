//! Photos made fit to send before they enter the outbox: turned upright, every metadata
//! block gone (EXIF with the GPS position of where it was taken, XMP, IPTC, comments),
//! the long side at most [`MAX_SIDE`] pixels, encoded anew as JPEG (a PNG screenshot stays
//! PNG). On phones and desktops with pulse-media's pure Rust codecs on the blocking pool;
//! in the browser with the browser's own decoder and encoder, so that no codec is
//! downloaded. A file that cannot be read is refused, never kept as it came.

use pulse_media::MediaError;
use pulse_protocol::error::ErrorCode;
use pulse_protocol::input::AttachmentKind;

/// The long side of a photo on its way, in pixels.
pub const MAX_SIDE: u32 = 2048;
/// JPEG quality, as the share sheets of messaging apps use.
pub const JPEG_QUALITY: u8 = 80;

fn refused(error: MediaError) -> ErrorCode {
    match error {
        MediaError::Unreadable => ErrorCode::ImageUnreadable,
        MediaError::TooManyPixels { .. } => ErrorCode::ImageTooLarge,
    }
}

/// The file as it is kept and sent, and its kind now.
#[cfg(not(target_family = "wasm"))]
pub async fn prepare(
    bytes: Vec<u8>,
    kind: AttachmentKind,
) -> Result<(Vec<u8>, AttachmentKind), ErrorCode> {
    let options = pulse_media::Options {
        max_side: Some(MAX_SIDE),
        jpeg_quality: JPEG_QUALITY,
        ..pulse_media::Options::PHONE
    };
    let cleaned = crate::rt::blocking(move || pulse_media::clean(&bytes, kind, &options))
        .await
        .ok_or(ErrorCode::ImageUnreadable)?
        .map_err(refused)?;
    Ok((cleaned.bytes, cleaned.kind))
}

/// The file as it is kept and sent, and its kind now.
#[cfg(target_family = "wasm")]
pub async fn prepare(
    bytes: Vec<u8>,
    kind: AttachmentKind,
) -> Result<(Vec<u8>, AttachmentKind), ErrorCode> {
    let max_pixels = pulse_media::Options::PHONE.max_pixels;
    match kind {
        AttachmentKind::Pdf => Ok((bytes, kind)),
        AttachmentKind::Heic => {
            // Its declared sizes are checked and its metadata zeroed first; a browser
            // that decodes HEIC (Safari) then makes a JPEG of it, another keeps it so.
            let stripped =
                pulse_media::heif::strip_metadata(&bytes, max_pixels).map_err(refused)?;
            match browser::reencode(&stripped, kind).await {
                Ok(jpeg) => Ok((jpeg, AttachmentKind::Jpeg)),
                Err(_) => Ok((stripped, kind)),
            }
        }
        _ => {
            // Refused before the browser decodes it: a small file can declare a canvas
            // that takes the tab's memory.
            let (width, height) =
                pulse_media::header::dimensions(&bytes, kind).ok_or(ErrorCode::ImageUnreadable)?;
            let pixels = u64::from(width) * u64::from(height);
            if pixels > max_pixels {
                return Err(refused(MediaError::TooManyPixels {
                    pixels,
                    max: max_pixels,
                }));
            }
            let out = match kind {
                AttachmentKind::Png => AttachmentKind::Png,
                _ => AttachmentKind::Jpeg,
            };
            let bytes = browser::reencode(&bytes, out)
                .await
                .map_err(|_| ErrorCode::ImageUnreadable)?;
            Ok((bytes, out))
        }
    }
}

/// The size a photo is scaled to: the long side at most `max`, the ratio kept.
pub fn fit(width: u32, height: u32, max: u32) -> (u32, u32) {
    let long = width.max(height);
    if long <= max {
        return (width, height);
    }
    let scale = |side: u32| {
        ((u64::from(side) * u64::from(max) + u64::from(long) / 2) / u64::from(long)).max(1) as u32
    };
    (scale(width), scale(height))
}

#[cfg(target_family = "wasm")]
mod browser {
    use js_sys::{Array, ArrayBuffer, Uint8Array};
    use pulse_protocol::input::AttachmentKind;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{
        Blob, ImageBitmap, ImageBitmapOptions, ImageEncodeOptions, ImageOrientation,
        OffscreenCanvas, OffscreenCanvasRenderingContext2d,
    };

    /// Decoded by the browser (upright by its EXIF orientation), drawn at most
    /// [`super::MAX_SIDE`] on a canvas, and encoded as `out`: a canvas holds pixels
    /// only, so nothing else of the file survives.
    pub(super) async fn reencode(bytes: &[u8], out: AttachmentKind) -> Result<Vec<u8>, JsValue> {
        let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
        let parts = Array::of1(&Uint8Array::from(bytes));
        let blob = Blob::new_with_u8_array_sequence(&parts)?;
        let options = ImageBitmapOptions::new();
        options.set_image_orientation(ImageOrientation::FromImage);
        let bitmap: ImageBitmap = JsFuture::from(
            window.create_image_bitmap_with_blob_and_image_bitmap_options(&blob, &options)?,
        )
        .await?
        .dyn_into()?;
        let (width, height) = super::fit(bitmap.width(), bitmap.height(), super::MAX_SIDE);
        let canvas = OffscreenCanvas::new(width, height)?;
        let context: OffscreenCanvasRenderingContext2d = canvas
            .get_context("2d")?
            .ok_or_else(|| JsValue::from_str("no 2d context"))?
            .dyn_into()?;
        context.draw_image_with_image_bitmap_and_dw_and_dh(
            &bitmap,
            0.0,
            0.0,
            f64::from(width),
            f64::from(height),
        )?;
        bitmap.close();
        let encode = ImageEncodeOptions::new();
        encode.set_type(out.media_type());
        encode.set_quality(f64::from(super::JPEG_QUALITY) / 100.0);
        let blob: Blob = JsFuture::from(canvas.convert_to_blob_with_options(&encode)?)
            .await?
            .dyn_into()?;
        let buffer: ArrayBuffer = JsFuture::from(blob.array_buffer()).await?.dyn_into()?;
        Ok(Uint8Array::new(&buffer).to_vec())
    }
}

#[cfg(test)]
mod tests {
    use super::fit;

    #[test]
    fn the_long_side_fits_and_the_ratio_stays() {
        assert_eq!(fit(4032, 3024, 2048), (2048, 1536));
        assert_eq!(fit(3024, 4032, 2048), (1536, 2048));
        assert_eq!(fit(800, 600, 2048), (800, 600));
        assert_eq!(fit(40_000, 10, 2048), (2048, 1));
    }
}
