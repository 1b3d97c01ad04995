//! Decoding, turning upright, downscaling and encoding anew: JPEG, PNG and WebP.

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::{CompressionType, FilterType as PngFilter, PngEncoder};
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageEncoder, ImageFormat, ImageReader, Limits};
use pulse_protocol::input::AttachmentKind;

use crate::{Cleaned, MediaError, Options, heif};

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
