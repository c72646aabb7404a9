/**
 * A recursive-descent parser for the JQL subset the simulator understands:
 *
 *   query    := [orExpr] [ORDER BY sortKey {, sortKey}]
 *   orExpr   := andExpr {(OR | || | |) andExpr}
 *   andExpr  := notExpr {(AND | && | &) notExpr}
 *   notExpr  := NOT notExpr | "(" orExpr ")" | clause
 *   clause   := field operator operand
 *   operator := = | != | ~ | !~ | > | >= | < | <= | IN | NOT IN | IS | IS NOT
 *   operand  := value | function "(" [value {, value}] ")" | "(" operand {, operand} ")" | EMPTY | NULL
 *
 * Keywords are case-insensitive. Error messages copy Jira's parser wording
 * ("Expecting operator but got 'x'. The valid operators are …").
 */
import { JqlError } from "./jql-error";
import { tokenize } from "./tokenizer";
import type { Token } from "./tokenizer";

export type JqlOperator =
  "=" | "!=" | "~" | "!~" | ">" | ">=" | "<" | "<=" | "in" | "not in" | "is" | "is not";

export type JqlOperand =
  | { kind: "value"; value: string; position: number }
  | { kind: "function"; name: string; args: string[]; position: number }
  | { kind: "list"; items: JqlOperand[]; position: number }
  | { kind: "empty"; position: number };

export interface JqlClause {
  kind: "clause";
  field: string;
  operator: JqlOperator;
  operand: JqlOperand;
  position: number;
}

export type JqlNode =
  | JqlClause
  | { kind: "and"; children: JqlNode[] }
  | { kind: "or"; children: JqlNode[] }
  | { kind: "not"; child: JqlNode };

export interface JqlSortKey {
  field: string;
  direction: "asc" | "desc" | undefined;
  position: number;
}

/** A parsed query: an optional condition and the ORDER BY list (possibly empty). */
export interface JqlQuery {
  where: JqlNode | undefined;
  orderBy: JqlSortKey[];
}

const VALID_OPERATORS =
  "The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'.";

function isKeyword(token: Token, keyword: string): boolean {
  return token.kind === "word" && token.text.toLowerCase() === keyword;
}

/** Text of a token for error messages. */
function shown(token: Token): string {
  return token.kind === "eof" ? "" : token.text;
}

/** Parses `jql` (undefined or blank: no condition, no order). Throws {@link JqlError}. */
export function parseJql(jql: string | undefined): JqlQuery {
  const parser = new Parser(tokenize(jql ?? ""));
  return parser.parseQuery();
}

class Parser {
  private index = 0;

  constructor(private readonly tokens: Token[]) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)] as Token;
  }

  private next(): Token {
    const token = this.peek();
    this.index = Math.min(this.index + 1, this.tokens.length - 1);
    return token;
  }

  parseQuery(): JqlQuery {
    let where: JqlNode | undefined;
    if (this.peek().kind !== "eof" && !this.atOrderBy()) {
      where = this.parseOr();
    }
    const orderBy = this.atOrderBy() ? this.parseOrderBy() : [];
    const rest = this.peek();
    if (rest.kind !== "eof") {
      if (rest.kind === "rparen") {
        throw JqlError.syntax(`Expecting either 'OR' or 'AND' but got ')'.`, rest.position);
      }
      throw JqlError.syntax(
        `Expecting either 'OR' or 'AND' but got '${shown(rest)}'.`,
        rest.position
      );
    }
    return { where, orderBy };
  }

  private atOrderBy(): boolean {
    return isKeyword(this.peek(), "order") && isKeyword(this.peek(1), "by");
  }

  private parseOrderBy(): JqlSortKey[] {
    this.next();
    this.next();
    const keys: JqlSortKey[] = [];
    do {
      const token = this.next();
      if (token.kind !== "word" && token.kind !== "string") {
        throw JqlError.syntax(
          `Expecting a field name at position ${token.position + 1} and got '${shown(token)}'.`,
          token.position
        );
      }
      const directionToken = this.peek();
      let direction: JqlSortKey["direction"];
      if (isKeyword(directionToken, "asc") || isKeyword(directionToken, "desc")) {
        direction = directionToken.text.toLowerCase() as "asc" | "desc";
        this.next();
      }
      keys.push({ field: token.text, direction, position: token.position });
    } while (this.peek().kind === "comma" && this.next());
    return keys;
  }

  private parseOr(): JqlNode {
    return this.parseJoined("or", () => this.parseAnd());
  }

  private parseAnd(): JqlNode {
    return this.parseJoined("and", () => this.parseNot());
  }

  /** `term (OR term)*`, or the same with AND (the word or its symbol); a lone term stays as is. */
  private parseJoined(kind: "or" | "and", parseTerm: () => JqlNode): JqlNode {
    const children = [parseTerm()];
    while (this.peek().kind === kind || isKeyword(this.peek(), kind)) {
      this.next();
      children.push(parseTerm());
    }
    return children.length === 1 ? (children[0] as JqlNode) : { kind, children };
  }

  private parseNot(): JqlNode {
    const token = this.peek();
    if (isKeyword(token, "not")) {
      this.next();
      return { kind: "not", child: this.parseNot() };
    }
    if (token.kind === "lparen") {
      this.next();
      const inner = this.parseOr();
      this.expectClosingParen();
      return inner;
    }
    return this.parseClause();
  }

  private parseClause(): JqlClause {
    const field = this.next();
    if (field.kind !== "word" && field.kind !== "string") {
      if (field.kind === "eof") {
        throw JqlError.syntax("Expecting a field name but reached the end of the query.");
      }
      throw JqlError.syntax(`Expecting a field name but got '${shown(field)}'.`, field.position);
    }
    if (
      field.kind === "word" &&
      ["and", "or", "not", "order", "in", "is"].includes(field.text.toLowerCase())
    ) {
      throw JqlError.syntax(
        `'${field.text}' is a reserved JQL word. You must surround it in quotation marks to use it in a query.`,
        field.position
      );
    }
    const operator = this.parseOperator();
    const operand = this.parseOperand(true);
    return { kind: "clause", field: field.text, operator, operand, position: field.position };
  }

  private parseOperator(): JqlOperator {
    const token = this.next();
    if (token.kind === "operator") {
      return token.text as JqlOperator;
    }
    if (isKeyword(token, "in")) return "in";
    if (isKeyword(token, "is")) {
      if (isKeyword(this.peek(), "not")) {
        this.next();
        return "is not";
      }
      return "is";
    }
    if (isKeyword(token, "not") && isKeyword(this.peek(), "in")) {
      this.next();
      return "not in";
    }
    if (token.kind === "eof") {
      throw JqlError.syntax(`Expecting operator before the end of the query. ${VALID_OPERATORS}`);
    }
    throw JqlError.syntax(
      `Expecting operator but got '${shown(token)}'. ${VALID_OPERATORS}`,
      token.position
    );
  }

  /** Consumes the `)` that ends a group, a list or a function's arguments. */
  private expectClosingParen(): void {
    const close = this.next();
    if (close.kind === "rparen") return;
    if (close.kind === "eof") {
      throw JqlError.syntax("Expecting ')' but reached the end of the query.");
    }
    throw JqlError.syntax(`Expecting ')' but got '${shown(close)}'.`, close.position);
  }

  private parseOperand(allowList: boolean): JqlOperand {
    const token = this.next();
    if (token.kind === "lparen" && allowList) {
      const items: JqlOperand[] = [];
      if (this.peek().kind !== "rparen") {
        do {
          items.push(this.parseOperand(false));
        } while (this.peek().kind === "comma" && this.next());
      }
      this.expectClosingParen();
      return { kind: "list", items, position: token.position };
    }
    if (token.kind === "string") {
      return { kind: "value", value: token.text, position: token.position };
    }
    if (token.kind === "word") {
      const lower = token.text.toLowerCase();
      if (lower === "empty" || lower === "null") {
        return { kind: "empty", position: token.position };
      }
      if (this.peek().kind === "lparen") {
        return this.parseFunctionArgs(token);
      }
      if (["and", "or", "not", "order", "in", "is"].includes(lower)) {
        throw JqlError.syntax(
          `Expecting either a value, list or function but got '${token.text}'. You must surround '${token.text}' in quotation marks to use it as a value.`,
          token.position
        );
      }
      return { kind: "value", value: token.text, position: token.position };
    }
    if (token.kind === "eof") {
      throw JqlError.syntax(
        "Expecting either a value, list or function but reached the end of the query."
      );
    }
    throw JqlError.syntax(
      `Expecting either a value, list or function but got '${shown(token)}'.`,
      token.position
    );
  }

  private parseFunctionArgs(name: Token): JqlOperand {
    this.next(); // (
    const args: string[] = [];
    if (this.peek().kind !== "rparen") {
      do {
        const arg = this.next();
        if (arg.kind !== "word" && arg.kind !== "string") {
          throw JqlError.syntax(
            `Expecting a function argument but got '${shown(arg)}'.`,
            arg.position
          );
        }
        args.push(arg.text);
      } while (this.peek().kind === "comma" && this.next());
    }
    this.expectClosingParen();
    return { kind: "function", name: name.text, args, position: name.position };
  }
}
