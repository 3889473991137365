package com.wabarecon.reconciliation;

import com.wabarecon.rules.Volumes;
import com.wabarecon.support.wording.Arg;
import com.wabarecon.support.wording.Phrase;

/**
 * A line's volumes in its reason, in the line's unit ({@link Volumes}): messages as a count,
 * VOICE minutes with one decimal, each worded by the message of its unit (the key, or the key
 * and {@code .minutes}).
 */
final class VolumeWording {

	private VolumeWording() {
	}

	static String key(String key, String category) {
		return Volumes.inMinutes(category) ? key + ".minutes" : key;
	}

	static Arg of(String category, long volume) {
		return Volumes.inMinutes(category) ? Phrase.amount(Volumes.shown(category, volume)) : Phrase.count(volume);
	}

	static Arg signed(String category, long volume) {
		return Volumes.inMinutes(category) ? Phrase.signed(Volumes.shown(category, volume)) : Phrase.signed(volume);
	}

}
