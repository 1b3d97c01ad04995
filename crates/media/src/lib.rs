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

pub mod header;
pub mod heif;

#[cfg(feature = "raster")]
mod raster;

use pulse_protocol::input::AttachmentKind;
#[cfg(feature = "raster")]
pub use raster::clean;

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

#[cfg(all(test, feature = "raster"))]
mod tests;
