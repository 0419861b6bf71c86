import { demoWltCardId } from './demoWltPhoto.js';
import { checkedWltDecoder, photoFormatOf, WltDecodeError, type WltDecoder } from './wltDecoder.js';

/**
 * Decodes only the simulator's demo markers, into the photo supplied for each demo card id (BMP or JPEG bytes: the
 * kiosk's demo takes them from ../shared/data/faces when present, tests generate them). A real card's WLT photo is
 * refused with 'not-demo-photo': this is not a WLT decoder and must never stand in for one.
 */
export function demoWltDecoder(photosByCardId: ReadonlyMap<string, Uint8Array> | Readonly<Record<string, Uint8Array>>): WltDecoder {
  const photos = new Map<string, Uint8Array>(photosByCardId instanceof Map ? photosByCardId : Object.entries(photosByCardId));
  for (const [cardId, photo] of photos) {
    if (photoFormatOf(photo) === null) throw new RangeError(`the demo photo for ${cardId} is neither a BMP nor a JPEG`);
  }
  return checkedWltDecoder({
    name: 'simulator-demo',
    decode(wlt) {
      const cardId = demoWltCardId(wlt);
      if (cardId === null) {
        return Promise.reject(new WltDecodeError('not-demo-photo', 'not a simulator demo photo: a real card photo needs the licensed WLT decoder'));
      }
      const photo = photos.get(cardId);
      if (!photo) return Promise.reject(new WltDecodeError('no-demo-photo', `no demo photo was supplied for demo card ${cardId}`));
      return Promise.resolve(Uint8Array.from(photo));
    },
  });
}
