import type { Rule } from '../types.js';

const CONTACT = /@|\[at\]|\b(e-?mail|phone|telephone|fax|address|street|suite|floor|p\.?o\.? box|contact|zip|postal|postcode)\b|\+?\d[\d ()-]{6,}\d/i;

export const contactDetails: Rule = {
  id: 'contact-details',
  severity: 'minor',
  description: 'Contact details (address, e-mail, phone, contact channel) changed.',
  appliesTo(c) {
    const text = `${c.before ?? ''} ${c.after ?? ''}`;
    if (!CONTACT.test(text)) return undefined;
    return 'contact details changed (address, e-mail, phone or contact channel); no data practice changed';
  },
};
