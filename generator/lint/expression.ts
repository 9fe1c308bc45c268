/** The ARM expression parser lives with the other Azure knowledge (resolve parses `{ expr: ... }` with it too). */
export * from '../azure/armExpression.js';
