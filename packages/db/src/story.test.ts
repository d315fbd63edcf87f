// The product story's own snippets, unchanged apart from the import path (and the
// `?.` TypeScript asks for on an optional one-to-one relation).
import { describe, expect, it } from "vitest";
import { prisma } from "./index";

describe("the story's snippets", () => {
  it("creates a category, products with createMany, and a user with a nested address", async () => {
    const category = await prisma.category.create({
      data: {
        name: "Electronics",
        slug: "electronics",
        description: "Electronic devices and gadgets",
      },
    });

    await prisma.product.createMany({
      data: [
        {
          name: "Laptop",
          slug: "laptop",
          description: "High-performance laptop",
          price: 99.99,
          sku: "LAP-001",
          categoryId: category.id,
          images: ["laptop1.jpg", "laptop2.jpg"],
          quantity: 50,
        },
        {
          name: "Smartphone",
          slug: "smartphone",
          description: "Latest smartphone",
          price: 99.99,
          sku: "PHN-001",
          categoryId: category.id,
          images: ["phone1.jpg"],
          quantity: 100,
        },
      ],
    });

    const user = await prisma.user.create({
      data: {
        email: "john@example.com",
        name: "John Doe",
        password: "$argon2id$v=19$m=19456,t=2,p=1$c3RvcnktdGVzdC1zYWx0$Yq6r9O1m8d1kP0fQ3jv3cXx2yq0y5uZ6p1Qm2b7Zc0",
        address: {
          create: {
            street: "123 Main St",
            city: "New York",
            state: "NY",
            zipCode: "10001",
          },
        },
      },
      include: { address: true },
    });

    expect(user.address?.street).toBe("123 Main St");

    // What the snippets imply underneath: price kept exactly, quantity backed by
    // the stock ledger through a default variant carrying the product's SKU.
    const laptop = await prisma.product.findUniqueOrThrow({
      where: { slug: "laptop" },
      include: { variants: { include: { inventory: true, stockMovements: true } } },
    });
    expect(laptop.price.toString()).toBe("99.99");
    expect(laptop.quantity).toBe(50);
    expect(laptop.images).toEqual(["laptop1.jpg", "laptop2.jpg"]);
    expect(laptop.variants).toHaveLength(1);
    expect(laptop.variants[0]?.sku).toBe("LAP-001");
    expect(laptop.variants[0]?.inventory?.onHand).toBe(50);
    expect(laptop.variants[0]?.stockMovements.map((m) => [m.delta, m.reason])).toEqual([[50, "INITIAL"]]);
  });
});
