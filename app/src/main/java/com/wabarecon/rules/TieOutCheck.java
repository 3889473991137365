package com.wabarecon.rules;

/**
 * One check of a tie-out: whether two accounts of the same money agree, and the figures in
 * words, as the run summary and the partner's report show them.
 */
public interface TieOutCheck {

	boolean ties();

	String describe();

}
