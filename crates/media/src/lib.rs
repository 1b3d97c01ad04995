//! Photos made safe to share. A phone's photo carries more than its pixels: EXIF with the
//! GPS position where it was taken, the camera's serial number, XMP and IPTC blocks,
//! comments. [`clean`] keeps the pixels and nothing else:
//!
//! - JPEG, PNG and WebP are decoded (within a pixel limit, against decompression bombs),
//!   turned upright by their EXIF orientation, optionally downscaled, and encoded anew.
//!   A new encoding carries only what this crate writes (the colour profile), so no
//!   metadata block can survive, whatever format it hid in.
//! - HEIC/HEIF, which no pure Rust decoder reads, keeps its pixels as they are: the
//!   bytes of its Exif and XMP items are overwritten in place (see [`heif`]), so every
//!   offset in the file still holds, and the sizes its images declare are held to the
//!   pixel limit. Its orientation is a property every HEIF reader applies, so nothing
//!   needs turning.
//! - PDF is a document, not a photo, and passes unchanged.

pub mod heif;

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::{CompressionType, FilterType as PngFilter, PngEncoder};
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageEncoder, ImageFormat, ImageReader, Limits};
use pulse_protocol::input::AttachmentKind;

/// How a photo is cleaned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Width times height above which a photo is refused before it is decoded.
    pub max_pixels: u64,
    /// The long side is scaled down to this many pixels, when given.
    pub max_side: Option<u32>,
    /// JPEG quality, 1 to 100.
    pub jpeg_quality: u8,
}

impl Options {
    /// What the server applies to every upload: the photo's own size, 50 megapixels at
    /// most (a 48 MP phone camera's full frame fits).
    pub const SERVER: Options = Options {
        max_pixels: 50_000_000,
        max_side: None,
        jpeg_quality: 88,
    };

    /// What a phone applies before a photo enters the outbox: 2048 px on the long side.
    pub const PHONE: Options = Options {
        max_pixels: 50_000_000,
        max_side: Some(2048),
        jpeg_quality: 80,
    };
}

/// A cleaned file and the kind it now is (a WebP photo becomes JPEG, or PNG when it has
/// transparency: the encoder at hand writes WebP only losslessly, too large for photos).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleaned {
    pub bytes: Vec<u8>,
    pub kind: AttachmentKind,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MediaError {
    /// Not a readable image of the kind its first bytes claim: truncated, corrupt, or
    /// something else behind an image's header.
    #[error("the file could not be read as an image")]
    Unreadable,
    /// More pixels than [`Options::max_pixels`].
    #[error("the image has {pixels} pixels, more than {max}")]
    TooManyPixels { pixels: u64, max: u64 },
}

/// Cleans one file of the given kind (as [`AttachmentKind::sniff`] recognised it).
pub fn clean(bytes: &[u8], kind: AttachmentKind, options: &Options) -> Result<Cleaned, MediaError> {
    let format = match kind {
        AttachmentKind::Jpeg => ImageFormat::Jpeg,
        AttachmentKind::Png => ImageFormat::Png,
        AttachmentKind::Webp => ImageFormat::WebP,
        AttachmentKind::Heic => {
            return Ok(Cleaned {
                bytes: heif::strip_metadata(bytes, options.max_pixels)?,
                kind,
            });
        }
        AttachmentKind::Pdf => {
            return Ok(Cleaned {
                bytes: bytes.to_vec(),
                kind,
            });
        }
    };
    let (image, icc) = decode(bytes, format, options)?;
    let image = match options.max_side {
        Some(side) if image.width().max(image.height()) > side => {
            image.resize(side, side, FilterType::Triangle)
        }
        _ => image,
    };
    let kind = match kind {
        AttachmentKind::Webp if image.color().has_alpha() => AttachmentKind::Png,
        AttachmentKind::Webp => AttachmentKind::Jpeg,
        other => other,
    };
    let bytes = encode(&image, kind, icc, options).map_err(|_| MediaError::Unreadable)?;
    Ok(Cleaned { bytes, kind })
}

/// Decodes within the limits and turns the image upright; returns its colour profile,
/// the one block worth keeping (without it a wide-gamut photo shows washed out).
fn decode(
    bytes: &[u8],
    format: ImageFormat,
    options: &Options,
) -> Result<(DynamicImage, Option<Vec<u8>>), MediaError> {
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    // Room for the decoded pixels at 8 bytes each (16-bit RGBA), and the decoder's own.
    limits.max_alloc = Some(
        options
            .max_pixels
            .saturating_mul(8)
            .saturating_add(64 << 20),
    );
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(|_| MediaError::Unreadable)?;
    let (width, height) = decoder.dimensions();
    let pixels = u64::from(width) * u64::from(height);
    if pixels > options.max_pixels {
        return Err(MediaError::TooManyPixels {
            pixels,
            max: options.max_pixels,
        });
    }
    if pixels == 0 {
        return Err(MediaError::Unreadable);
    }
    // An orientation that cannot be read is no orientation; the photo still goes.
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let icc = decoder.icc_profile().ok().flatten();
    let mut image = DynamicImage::from_decoder(decoder).map_err(|_| MediaError::Unreadable)?;
    image.apply_orientation(orientation);
    Ok((image, icc))
}

fn encode(
    image: &DynamicImage,
    kind: AttachmentKind,
    icc: Option<Vec<u8>>,
    options: &Options,
) -> image::ImageResult<Vec<u8>> {
    let mut out = Vec::new();
    match kind {
        AttachmentKind::Png => {
            let mut encoder = PngEncoder::new_with_quality(
                &mut out,
                CompressionType::Default,
                PngFilter::Adaptive,
            );
            if let Some(icc) = icc {
                let _ = encoder.set_icc_profile(icc);
            }
            image.write_with_encoder(encoder)?;
        }
        _ => {
            // JPEG holds grey or RGB: transparency and 16-bit depth go.
            let flat = match image {
                DynamicImage::ImageLuma8(_) | DynamicImage::ImageRgb8(_) => image.clone(),
                DynamicImage::ImageLuma16(_) | DynamicImage::ImageLumaA8(_) => {
                    DynamicImage::ImageLuma8(image.to_luma8())
                }
                _ => DynamicImage::ImageRgb8(image.to_rgb8()),
            };
            let mut encoder = JpegEncoder::new_with_quality(&mut out, options.jpeg_quality);
            if let Some(icc) = icc {
                let _ = encoder.set_icc_profile(icc);
            }
            flat.write_with_encoder(encoder)?;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
