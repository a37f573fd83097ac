import { VertoError } from '../errors.js';

/** A partition map or a user that cannot be partitioned; `field` names the offending place. */
export class PartitionMapError extends VertoError {
  /**
   * @param {string} field e.g. `islands[2].weight`, `pins.acme.example`, `domain`
   * @param {string} message
   */
  constructor(field, message) {
    super('partition-map', `${field}: ${message}`);
    this.name = 'PartitionMapError';
    this.code = /** @type {const} */ ('partition-map');
    this.field = field;
  }
}
