interface PostalAddress {
  name: string | null;
  street: string;
  street2: string | null;
  city: string;
  state: string;
  zipCode: string;
  country: string;
}

/** "Jane Doe, 1 Main St, Springfield, IL 62701, US" */
export function addressLine(address: PostalAddress): string {
  return [address.name, address.street, address.street2, address.city, `${address.state} ${address.zipCode}`, address.country].filter(Boolean).join(", ");
}
